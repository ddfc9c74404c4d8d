package org.internationale.locale.control;

import org.internationale.locale.entity.IllFormedLanguageTagException;
import org.internationale.locale.entity.Negotiated;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LanguageNegotiatorTest {

    private final LanguageNegotiator negotiator =
            new LanguageNegotiator(LanguageConfiguration.parse("en", LanguageConfiguration.DEFAULT_LANGUAGES, ""));

    private String served(String lang, String acceptLanguage) {
        return negotiator.negotiate(lang, acceptLanguage).tag().value();
    }

    @Test
    void queryParameterWinsOverAcceptLanguage() {
        assertEquals("es", served("es", "fr,de;q=0.8"));
    }

    @Test
    void acceptLanguageIsReadByQuality() {
        assertEquals("de", served(null, "fr;q=0.5, de;q=0.9, en;q=0.1"));
        assertEquals("fr", served(null, "fr-CA"));
    }

    @Test
    void aLaterPreferenceThatIsOfferedBeatsAnEarlierOneThatIsNot() {
        // a Catalan reader who also reads Spanish gets Spanish, not the English source
        assertEquals("es", served(null, "ca, es;q=0.8"));
    }

    @Test
    void nothingUsableMeansTheSource() {
        Negotiated none = negotiator.negotiate(null, null);
        assertEquals("en", none.tag().value());
        assertNull(none.requested());
        assertEquals("en", served(null, "*"));
        assertEquals("en", served(null, ";;;garbage==="));
        assertEquals("en", served(null, "ca"));
    }

    @Test
    void wellFormedButNotOfferedGoesDownItsChain() {
        Negotiated negotiated = negotiator.negotiate("pt-PT", null);
        assertEquals("pt-BR", negotiated.tag().value());
        assertEquals("pt-PT", negotiated.requested().value());
        assertEquals("en", served("tlh", null));
    }

    @Test
    void illFormedQueryParameterIsTheClientsError() {
        assertThrows(IllFormedLanguageTagException.class, () -> negotiator.negotiate("not a tag", null));
        assertThrows(IllFormedLanguageTagException.class, () -> negotiator.negotiate("e$", "es"));
    }
}
