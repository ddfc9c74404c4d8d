package org.internationale.translation.control;

import org.internationale.locale.entity.LanguageTag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FourEyesTest {

    private static TranslationWorkflow configured(String selfReviewLanguages) {
        TranslationWorkflow workflow = new TranslationWorkflow();
        workflow.selfReview(selfReviewLanguages);
        return workflow;
    }

    @Test
    void noOneApprovesTheirOwnRevisionByDefault() {
        assertFalse(configured(" ").mayApprove(LanguageTag.of("es"), "maria", "maria"));
        assertTrue(configured(" ").mayApprove(LanguageTag.of("es"), "maria", "juan"));
    }

    @Test
    void smallTeamsMaySelfReviewTheLanguagesConfigured() {
        TranslationWorkflow workflow = configured("sw, pt-br");
        assertTrue(workflow.mayApprove(LanguageTag.of("sw"), "amani", "amani"));
        assertTrue(workflow.mayApprove(LanguageTag.of("pt-BR"), "ana", "ana"), "tags are compared normalised");
        assertFalse(workflow.mayApprove(LanguageTag.of("es"), "ana", "ana"));
    }
}
