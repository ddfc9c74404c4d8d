package org.internationale.site.boundary;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.internationale.identity.control.ApiAuthentication;
import org.internationale.locale.control.LanguageNegotiator;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.IllFormedLanguageTagException;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.locale.entity.Negotiated;
import org.internationale.mailing.control.Mailer;
import org.internationale.site.control.LanguageMenu;
import org.internationale.site.control.PageCache;
import org.internationale.site.control.Templates;
import org.internationale.site.control.Ui;
import org.internationale.site.control.UiStrings;
import org.internationale.site.entity.RenderedPage;
import org.internationale.system.control.PublicAddress;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public reader site, one language per address: {@code /{lang}/}, {@code /{lang}/platform},
 * {@code /{lang}/demands/{id}}, {@code /{lang}/updates/{id}}, {@code /{lang}/statements/{id}}, {@code /{lang}/pages/{slug}},
 * {@code /{lang}/search?q=}, {@code /{lang}/subscribe}; {@code /} sends the reader to their language. Mapped as the
 * default servlet, so every address no other servlet claims ends here (and gets an HTML 404 page).
 * <p>
 * The shell resolves the language, the interface and the errors; the pages themselves are the features' own
 * ({@link ReaderPages}), found through CDI by the first address segment after the language.
 */
@WebServlet(urlPatterns = "/", loadOnStartup = 1)
public class ReaderSite extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ReaderSite.class.getName());
    private static final Pattern ROUTE = Pattern.compile("/([^/]+)(/.*)?");

    @Inject
    LanguageRegistry languages;

    @Inject
    LanguageNegotiator negotiator;

    @Inject
    UiStrings strings;

    @Inject
    Templates templates;

    @Inject
    PublicAddress publicAddress;

    @Inject
    Instance<ReaderPages> features;

    @Inject
    PageCache cache;

    private Map<String, ReaderPages> sections;

    /** Which feature answers which section; two features claiming one section is a build mistake, found at start. */
    @Override
    public void init() {
        Map<String, ReaderPages> claimed = new HashMap<>();
        for (ReaderPages pages : features) {
            for (String section : pages.sections()) {
                ReaderPages before = claimed.putIfAbsent(section, pages);
                if (before != null) {
                    throw new IllegalStateException("Reader section '" + section + "' is claimed by " + before.getClass().getName()
                            + " and " + pages.getClass().getName());
                }
            }
        }
        sections = Map.copyOf(claimed);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response, false);
    }

    /** Form fields are read as UTF-8: web.xml sets the request encoding before anything reads them. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response, true);
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, boolean post) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.isEmpty() || path.equals("/")) {
            Negotiated negotiated = negotiator.negotiate(null, request.getHeader("Accept-Language"));
            response.setHeader("Vary", "Accept-Language");
            HtmlResponses.redirect(response, 303, "/" + negotiated.tag().value() + "/");
            return;
        }
        Matcher route = ROUTE.matcher(path);
        Optional<LanguageTag> tag = route.matches() ? language(route.group(1)) : Optional.empty();
        if (tag.isEmpty()) {
            Negotiated negotiated = negotiator.negotiate(null, request.getHeader("Accept-Language"));
            ReaderRequest visit = visit(request, response, negotiated, "/", null);
            visit.error(404, visit.ui().t("error.not-found"));
            return;
        }
        String rest = route.group(2) == null ? "" : route.group(2);
        if (!tag.get().value().equals(route.group(1)) || rest.isEmpty()) {
            // /pt-br/platform → /pt-BR/platform, /es → /es/
            String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
            HtmlResponses.redirect(response, 301, "/" + tag.get().value() + (rest.isEmpty() ? "/" : rest) + query);
            return;
        }
        // a kept page is sent before anything of a rendering is made: the interface and its language menu (32 names
        // sorted by the page's collation) cost a kept page most of its time
        String address = post ? null : cacheAddress(request);
        if (address != null) {
            Optional<RenderedPage> kept = cache.get(address);
            if (kept.isPresent()) {
                HtmlResponses.send(request, response, 200, kept.get(), true);
                return;
            }
        }
        ReaderRequest visit = visit(request, response, negotiator.negotiated(tag.get()), rest, address);
        try {
            ReaderPages pages = sections.get(visit.parts().get(0));
            if (pages == null) {
                throw visit.notFound();
            }
            if (post) {
                pages.post(visit);
            } else {
                pages.get(visit);
            }
        } catch (ReaderRequest.NotFound | NumberFormatException e) {
            visit.error(404, visit.ui().t("error.not-found"));
        } catch (Mailer.MailNotSent e) {
            LOG.log(Level.WARNING, "A reader's mail could not be sent", e);
            visit.error(503, visit.ui().t("error.mail-failed"));
        } catch (RuntimeException e) {
            String reference = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
            LOG.log(Level.SEVERE, "Reader page " + path + " failed (reference " + reference + ")", e);
            visit.error(500, visit.ui().t("error.failed", "reference", reference));
        }
    }

    private Optional<LanguageTag> language(String segment) {
        try {
            LanguageTag tag = LanguageTag.of(segment);
            return languages.offers(tag) ? Optional.of(tag) : Optional.empty();
        } catch (IllFormedLanguageTagException e) {
            return Optional.empty();
        }
    }

    /**
     * The address a page is kept under: path and query as sent, for a reader without a session (a logged-in reader's
     * pages carry their form token and are never kept).
     */
    private static String cacheAddress(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(ApiAuthentication.SESSION_CSRF) != null) {
            return null;
        }
        return request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }

    private ReaderRequest visit(HttpServletRequest request, HttpServletResponse response, Negotiated negotiated, String rest,
                                String cacheAddress) {
        HttpSession session = request.getSession(false);
        Object csrf = session == null ? null : session.getAttribute(ApiAuthentication.SESSION_CSRF);
        String origin = publicAddress.origin(request);
        Ui ui = new Ui(negotiated.language(), strings, rest, origin,
                LanguageMenu.of(languages.languages(), negotiated.tag().locale(), negotiated.tag().value(), rest),
                null, csrf instanceof String token ? token : null);
        return new ReaderRequest(request, response, negotiated, rest, ui, templates, origin, cache,
                csrf instanceof String ? null : cacheAddress);
    }
}
