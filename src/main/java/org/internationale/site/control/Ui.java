package org.internationale.site.control;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import org.internationale.locale.entity.Language;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.site.control.UiStrings;
import org.internationale.site.entity.LanguageChoice;
import org.internationale.site.entity.Notice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * What every template needs about the request: the interface language (texts from {@code ui.po} through
 * {@link UiStrings}, dates and numbers the way that language writes them), the page's address in every language, and,
 * in the workspace, who is logged in and the session's CSRF token.
 */
public final class Ui {

    private final Language language;
    private final UiStrings strings;
    private final String path;
    private final String baseUrl;
    private final List<LanguageChoice> languages;
    private final String user;
    private final String csrf;

    /**
     * @param path     the page's address after the language ({@code /platform}), the same in every language
     * @param baseUrl  the site's public address without a trailing slash, for canonical and alternate links
     * @param user     who is logged in, or null
     * @param csrf     the session's CSRF token, or null
     */
    public Ui(Language language, UiStrings strings, String path, String baseUrl, List<LanguageChoice> languages, String user, String csrf) {
        this.language = language;
        this.strings = strings;
        this.path = path;
        this.baseUrl = baseUrl;
        this.languages = List.copyOf(languages);
        this.user = user;
        this.csrf = csrf;
    }

    public String lang() {
        return language.tag().value();
    }

    public String dir() {
        return language.direction().attribute();
    }

    public LanguageTag tag() {
        return language.tag();
    }

    /** An interface text; arguments are name, value pairs. */
    public String t(String key, Object... arguments) {
        return strings.text(key, language.tag(), arguments);
    }

    /** A site address in the interface language: {@code href("/platform")} is {@code /es/platform}. */
    public String href(String rest) {
        return "/" + lang() + rest;
    }

    public String canonical() {
        return baseUrl + href(path);
    }

    public String absolute(String sitePath) {
        return baseUrl + sitePath;
    }

    public String path() {
        return path;
    }

    public List<LanguageChoice> languages() {
        return languages;
    }

    public String user() {
        return user;
    }

    public String csrf() {
        return csrf;
    }

    public String date(Instant instant) {
        if (instant == null) {
            return "";
        }
        DateFormat format = DateFormat.getDateInstance(DateFormat.LONG, language.tag().locale());
        format.setTimeZone(TimeZone.GMT_ZONE);
        return format.format(Date.from(instant));
    }

    public String date(LocalDate date) {
        return date == null ? "" : date(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        DateFormat format = DateFormat.getDateTimeInstance(DateFormat.MEDIUM, DateFormat.SHORT, language.tag().locale());
        format.setTimeZone(TimeZone.GMT_ZONE);
        return format.format(Date.from(instant)) + " UTC";
    }

    public String number(long number) {
        return NumberFormat.getInstance(language.tag().locale()).format(number);
    }

    public String percent(double fraction) {
        return NumberFormat.getPercentInstance(language.tag().locale()).format(fraction);
    }

    /** A language's name in the interface language ("Kiswahili" in Swahili, "Swahili" in English). */
    public String languageName(String tag) {
        return LocaleDisplayNames.getInstance(language.tag().locale()).localeDisplayName(ULocale.forLanguageTag(tag));
    }

    public String direction(String tag) {
        return ULocale.forLanguageTag(tag).isRightToLeft() ? "rtl" : "ltr";
    }

    /**
     * What a reader should be told about a text: shown in another language than theirs, lagging its original (with a
     * link to the current original), or not reviewed.
     */
    public List<Notice> notices(String servedLanguage, boolean fallback, boolean outdated, boolean reviewed, String originalLink) {
        return notices(servedLanguage, fallback, outdated, reviewed, null, originalLink);
    }

    /** @param convertedFrom the other script of the reader's language the text was converted from by software, or null */
    public List<Notice> notices(String servedLanguage, boolean fallback, boolean outdated, boolean reviewed, String convertedFrom,
                                String originalLink) {
        List<Notice> notices = new ArrayList<>(2);
        if (fallback) {
            notices.add(new Notice("fallback", t("notice.fallback", "language", languageName(lang()),
                    "fallbackLanguage", languageName(servedLanguage)), null));
        }
        if (outdated) {
            notices.add(new Notice("outdated", t("notice.outdated"), originalLink));
        }
        if (convertedFrom != null) {
            // says the more: no person translated or checked it
            notices.add(new Notice("converted", t("notice.converted", "language", languageName(convertedFrom)), null));
        } else if (!reviewed) {
            notices.add(new Notice("unreviewed", t("notice.unreviewed"), null));
        }
        return notices;
    }

    /** A newsletter topic's name; a topic configured without an interface text shows under its own name. */
    public String topic(String name) {
        try {
            return t("topic." + name);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    /** Several languages' names as a list the interface language writes ("Spanish, French and Arabic"). */
    public String languageNames(List<String> tags) {
        return ListFormatter.getInstance(language.tag().locale()).format(tags.stream().map(this::languageName).toList());
    }

    /** A short Markdown text (a demand) as plain text for a link or a title: list marker, emphasis and link targets gone. */
    public static String plain(String markdown) {
        if (markdown == null) {
            return "";
        }
        return markdown.strip().replaceFirst("^[-*+]\\s+", "")
                .replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1")
                .replaceAll("(\\*\\*|__|\\*|`)", "")
                .replaceAll("\\s+", " ");
    }

    /** A CSS class name made from a label such as a demand status ({@code partially-met}). */
    public static String token(String label) {
        return label == null ? "" : label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }
}
