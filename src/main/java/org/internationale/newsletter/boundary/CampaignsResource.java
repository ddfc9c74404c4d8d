package org.internationale.newsletter.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Role;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.mailing.control.DeliveryLedger;
import org.internationale.newsletter.control.CampaignDispatcher;
import org.internationale.newsletter.control.CampaignPlanner;
import org.internationale.newsletter.entity.Campaign;
import org.internationale.newsletter.entity.CampaignProgress;
import org.internationale.newsletter.entity.Coverage;
import org.internationale.subscribers.control.Topics;
import org.internationale.system.control.PublicAddress;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/** Editors make, test, send, pause, resume and cancel campaigns, and watch them go out. */
@Path("admin/campaigns")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CampaignsResource {

    @Inject
    CampaignPlanner campaigns;

    @Inject
    CampaignDispatcher dispatcher;

    @Inject
    DeliveryLedger ledger;

    @Inject
    Topics topics;

    @Inject
    Permissions permissions;

    @Inject
    PublicAddress publicAddress;

    /** Request body; a class, not a record: Payara's OpenAPI scanner fails on validated record components. */
    public static class NewCampaign {
        public @NotNull Long newsletterId;
        public @Size(max = 20) List<String> topics;
        public @Size(max = 50) List<String> requiredLanguages;
        /** ISO-8601 instant; absent: as soon as it is sent. */
        public String at;
        /** ISO-8601 instant after which nothing more may go out. */
        public String sendBy;
    }

    public static class TestSend {
        public @NotNull @Size(min = 1, max = 10) List<String> addresses;
        /** The variant to send; absent: the source, for every address alike (a test send never tells who subscribes). */
        public String language;
    }

    public record Created(long id) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull NewCampaign body, @Context UriInfo uri, @Context HttpServletRequest http) {
        String author = permissions.requireAny(Role.EDITOR).username();
        try {
            Set<LanguageTag> required = new LinkedHashSet<>();
            if (body.requiredLanguages != null) {
                body.requiredLanguages.forEach(l -> required.add(LanguageTag.of(l)));
            }
            Campaign campaign = campaigns.create(body.newsletterId, topics.parse(body.topics), required, instant("at", body.at),
                    instant("sendBy", body.sendBy), publicAddress.base(http), author);
            return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(campaign.id())).build())
                    .entity(new Created(campaign.id())).build();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    @GET
    public List<CampaignProgress> all() {
        permissions.requireAny(Role.EDITOR);
        return campaigns.progress(campaigns.all());
    }

    @GET
    @Path("{id}")
    public CampaignProgress one(@PathParam("id") long id) {
        permissions.requireAny(Role.EDITOR);
        Campaign campaign = campaign(id);
        return campaigns.progress(campaign);
    }

    @GET
    @Path("{id}/coverage")
    public Coverage coverage(@PathParam("id") long id) {
        permissions.requireAny(Role.EDITOR);
        campaign(id);
        return campaigns.coverage(id);
    }

    /** The messages a crash left with an unknown fate, and what became of each. */
    @GET
    @Path("{id}/unknown")
    public List<Map<String, Object>> unknown(@PathParam("id") long id) {
        permissions.requireAny(Role.EDITOR);
        campaign(id);
        return ledger.unknown(id);
    }

    @POST
    @Path("{id}/test")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, String> test(@PathParam("id") long id, @Valid @NotNull TestSend body) {
        permissions.requireAny(Role.EDITOR);
        campaign(id);
        try {
            LanguageTag language = body.language == null || body.language.isBlank() ? null : LanguageTag.of(body.language);
            return campaigns.test(id, body.addresses, language);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        } catch (IllegalStateException e) {
            throw new jakarta.ws.rs.WebApplicationException(e.getMessage(), 502);
        }
    }

    @POST
    @Path("{id}/send")
    public CampaignProgress send(@PathParam("id") long id) {
        return transition(id, campaigns::send);
    }

    @POST
    @Path("{id}/pause")
    public CampaignProgress pause(@PathParam("id") long id) {
        return transition(id, campaigns::pause);
    }

    @POST
    @Path("{id}/resume")
    public CampaignProgress resume(@PathParam("id") long id) {
        return transition(id, campaigns::resume);
    }

    @POST
    @Path("{id}/cancel")
    public CampaignProgress cancel(@PathParam("id") long id) {
        String editor = permissions.requireAny(Role.EDITOR).username();
        return transition(id, c -> campaigns.cancel(c, "Cancelled by " + editor + "."));
    }

    private CampaignProgress transition(long id, LongFunction<Campaign> step) {
        permissions.requireAny(Role.EDITOR);
        campaign(id);
        Campaign campaign;
        try {
            campaign = step.apply(id);
        } catch (IllegalStateException e) {
            throw new ClientErrorException(e.getMessage(), 409);
        }
        dispatcher.campaignsChanged();
        return campaigns.progress(campaign);
    }

    private Campaign campaign(long id) {
        return campaigns.find(id).orElseThrow(() -> new NotFoundException("No campaign " + id + "."));
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is not an ISO-8601 instant such as 2026-12-01T08:00:00Z.");
        }
    }
}
