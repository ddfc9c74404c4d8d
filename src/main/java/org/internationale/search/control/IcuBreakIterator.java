package org.internationale.search.control;

import java.text.BreakIterator;
import java.text.CharacterIterator;

/**
 * An ICU break iterator seen as the JDK's, for Lucene's highlighter, which takes only the latter. The JDK's sentence
 * rules miss the full stops of Amharic and Tigrinya (።), Urdu (۔) and Armenian (։) and the Arabic question mark (؟), so
 * a snippet in those languages was a whole paragraph; ICU follows Unicode's current rules for every script.
 */
final class IcuBreakIterator extends BreakIterator {

    private com.ibm.icu.text.BreakIterator icu;

    IcuBreakIterator(com.ibm.icu.text.BreakIterator icu) {
        this.icu = icu;
    }

    @Override
    public int first() {
        return icu.first();
    }

    @Override
    public int last() {
        return icu.last();
    }

    @Override
    public int next(int n) {
        return icu.next(n);
    }

    @Override
    public int next() {
        return icu.next();
    }

    @Override
    public int previous() {
        return icu.previous();
    }

    @Override
    public int following(int offset) {
        return icu.following(offset);
    }

    @Override
    public int preceding(int offset) {
        return icu.preceding(offset);
    }

    @Override
    public boolean isBoundary(int offset) {
        return icu.isBoundary(offset);
    }

    @Override
    public int current() {
        return icu.current();
    }

    @Override
    public CharacterIterator getText() {
        return icu.getText();
    }

    @Override
    public void setText(String text) {
        icu.setText(text);
    }

    @Override
    public void setText(CharacterIterator text) {
        icu.setText(text);
    }

    @Override
    public IcuBreakIterator clone() {
        IcuBreakIterator copy = (IcuBreakIterator) super.clone();
        copy.icu = (com.ibm.icu.text.BreakIterator) icu.clone();
        return copy;
    }
}
