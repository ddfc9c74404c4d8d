package org.internationale.newsletter.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Role;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.newsletter.control.CampaignDispatcher;
import org.internationale.newsletter.control.CampaignPlanner;
import org.internationale.newsletter.control.NewsletterItems;
import org.internationale.newsletter.control.NewsletterPreview;
import org.internationale.newsletter.entity.Campaign;
import org.internationale.publishing.control.DocumentEditor;
import org.internationale.publishing.entity.Document;
import org.internationale.publishing.entity.DocumentType;
import org.internationale.site.boundary.HtmlResponses;
import org.internationale.site.boundary.WorkspacePages;
import org.internationale.site.boundary.WorkspacePages.Refused;
import org.internationale.site.boundary.WorkspaceServlet;
import org.internationale.site.control.Ui;
import org.internationale.subscribers.control.Topics;
import org.internationale.system.control.PublicAddress;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The editors' newsletter pages: a newsletter's preview in each language and its mail as sent
 * ({@code /workspace/newsletters/{id}}, {@code …/mail}), its items, a new campaign for it, and a campaign's coverage,
 * test mail, send, pause, resume, cancel and progress ({@code /workspace/campaigns/{id}}).
 */
@WebServlet({"/workspace/newsletters/*", "/workspace/campaigns/*"})
public class NewsletterDesk extends WorkspaceServlet {

    @Inject
    LanguageRegistry languages;

    @Inject
    Permissions permissions;

    @Inject
    DocumentEditor documents;

    @Inject
    NewsletterItems newsletterItems;

    @Inject
    NewsletterPreview previews;

    @Inject
    CampaignPlanner campaigns;

    @Inject
    CampaignDispatcher dispatcher;

    @Inject
    Topics topics;

    @Inject
    PublicAddress publicAddress;

    /** @param parts {@code [newsletters, {id}, …]} or {@code [campaigns, {id}]} */
    @Override
    protected void route(HttpServletRequest request, HttpServletResponse response, List<String> parts, boolean post, Ui ui)
            throws IOException {
        switch (parts.get(0)) {
            case "newsletters" -> newsletters(request, response, parts, post, ui);
            case "campaigns" -> campaignPage(request, response, parts, post, ui);
            default -> throw WorkspacePages.notFound(ui);
        }
    }

    private Document newsletter(String id, Ui ui) {
        return documents.find(Long.parseLong(id)).filter(d -> d.type() == DocumentType.NEWSLETTER)
                .orElseThrow(() -> WorkspacePages.notFound(ui));
    }

    private void newsletters(HttpServletRequest request, HttpServletResponse response, List<String> parts, boolean post, Ui ui)
            throws IOException {
        String author = permissions.requireAny(Role.EDITOR).username();
        if (parts.size() < 2) {
            throw WorkspacePages.notFound(ui);
        }
        Document newsletter = newsletter(parts.get(1), ui);
        LanguageTag language;
        try {
            language = previews.language(request.getParameter("lang"), newsletter);
        } catch (IllegalArgumentException e) {
            throw new Refused(400, ui.t("error.not-found"));
        }
        if (parts.size() == 3 && parts.get(2).equals("mail") && !post) {
            // the mail exactly as a reader of that language gets it, shown in a sandboxed frame of the preview page:
            // mail HTML carries its own inline styles, which the site's policy forbids everywhere else
            NewsletterPreview.Preview preview = previews.of(newsletter, language, publicAddress.base(request));
            response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: https:; "
                    + "frame-ancestors 'self'; sandbox");
            response.setHeader("X-Frame-Options", "SAMEORIGIN");
            HtmlResponses.send(request, response, 200, preview.variant().language().value(), preview.html(), false);
            return;
        }
        if (parts.size() != 2) {
            throw WorkspacePages.notFound(ui);
        }
        if (post) {
            String action = Optional.ofNullable(request.getParameter("action")).orElse("");
            if (action.equals("items")) {
                setItems(request, response, newsletter);
            } else if (action.equals("campaign")) {
                createCampaign(request, response, newsletter, author);
            } else {
                throw new Refused(400, ui.t("error.method"));
            }
            return;
        }
        NewsletterPreview.Preview preview = previews.of(newsletter, language, publicAddress.base(request));
        Map<String, Object> model = new HashMap<>();
        model.put("newsletter", newsletter);
        model.put("language", language.value());
        model.put("variant", preview.variant());
        model.put("text", preview.text());
        model.put("items", newsletterItems.of(newsletter.id()));
        model.put("topics", topics.all());
        model.put("languages", languages.languages().stream().map(l -> l.tag().value()).toList());
        model.put("campaigns", campaigns.all().stream().filter(c -> c.newsletterId() == newsletter.id()).toList());
        model.put("flash", WorkspacePages.flash(request, ui));
        pages.render(request, response, ui, "newsletter/boundary/newsletter.jte", model, 200);
    }

    /** The items field: document ids separated by spaces, commas or lines. */
    private void setItems(HttpServletRequest request, HttpServletResponse response, Document newsletter) {
        List<Long> ids = new ArrayList<>();
        for (String id : Optional.ofNullable(request.getParameter("items")).orElse("").split("[\\s,]+")) {
            if (!id.isBlank()) {
                ids.add(Long.parseLong(id.strip()));
            }
        }
        try {
            newsletterItems.set(newsletter.id(), ids);
        } catch (IllegalArgumentException e) {
            throw new Refused(400, e.getMessage());
        }
        HtmlResponses.redirect(response, 303, WorkspacePages.ROOT + "/newsletters/" + newsletter.id() + "?done=items");
    }

    private void createCampaign(HttpServletRequest request, HttpServletResponse response, Document newsletter, String author) {
        Set<LanguageTag> required = new LinkedHashSet<>();
        for (String tag : Optional.ofNullable(request.getParameterValues("required")).orElse(new String[0])) {
            required.add(LanguageTag.of(tag));
        }
        Campaign campaign;
        try {
            campaign = campaigns.create(newsletter.id(), topics.parse(List.of(Optional.ofNullable(request.getParameterValues("topic"))
                    .orElse(new String[0]))), required, null, null, publicAddress.base(request), author);
        } catch (IllegalArgumentException e) {
            throw new Refused(400, e.getMessage());
        }
        HtmlResponses.redirect(response, 303, WorkspacePages.ROOT + "/campaigns/" + campaign.id());
    }

    private void campaignPage(HttpServletRequest request, HttpServletResponse response, List<String> parts, boolean post, Ui ui)
            throws IOException {
        String editor = permissions.requireAny(Role.EDITOR).username();
        if (parts.size() != 2) {
            throw WorkspacePages.notFound(ui);
        }
        long id = Long.parseLong(parts.get(1));
        Campaign campaign = campaigns.find(id).orElseThrow(() -> WorkspacePages.notFound(ui));
        if (post) {
            campaignAction(request, response, ui, id, editor);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("campaign", campaign);
        model.put("coverage", campaigns.coverage(id));
        model.put("progress", campaigns.progress(campaign));
        model.put("languages", languages.languages().stream().map(l -> l.tag().value()).toList());
        model.put("flash", WorkspacePages.flash(request, ui));
        pages.render(request, response, ui, "newsletter/boundary/campaign.jte", model, 200);
    }

    private void campaignAction(HttpServletRequest request, HttpServletResponse response, Ui ui, long id, String editor) {
        String action = Optional.ofNullable(request.getParameter("action")).orElse("");
        try {
            switch (action) {
                case "test" -> {
                    List<String> addresses = Arrays.stream(Optional.ofNullable(request.getParameter("addresses")).orElse("")
                            .split("[\\s,;]+")).filter(a -> !a.isBlank()).toList();
                    String lang = request.getParameter("language");
                    campaigns.test(id, addresses, lang == null || lang.isBlank() ? null : LanguageTag.of(lang));
                }
                case "send" -> campaigns.send(id);
                case "pause" -> campaigns.pause(id);
                case "resume" -> campaigns.resume(id);
                case "cancel" -> campaigns.cancel(id, "Cancelled by " + editor + ".");
                default -> throw new Refused(400, ui.t("error.method"));
            }
        } catch (IllegalArgumentException e) {
            throw new Refused(400, e.getMessage());
        } catch (IllegalStateException e) {
            throw new Refused(409, e.getMessage());
        }
        if (!action.equals("test")) {
            // a test mail goes out at once; the other actions change what the dispatcher has to send
            dispatcher.campaignsChanged();
        }
        HtmlResponses.redirect(response, 303, WorkspacePages.ROOT + "/campaigns/" + id + "?done=" + action);
    }
}
