package io.salesflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.salesflow.browser.Accessibility;
import io.salesflow.browser.BrowserJourney;
import io.salesflow.contract.ContractFixture;
import io.salesflow.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A signer opens the link from their email on a phone, without an account, and signs the contract. */
@BrowserJourney
class SigningAContractOnAPhoneJourneyTest {

    @Autowired
    Api api;

    @Test
    void aSignerSignsFromTheEmailedLinkOnAPhone(Page page) {
        ContractFixture fixture = new ContractFixture(api);
        ContractFixture.Setup setup = fixture.setup(1, null);
        JsonNode contract = fixture.generate(setup);
        fixture.send(contract.get("id").asText());
        String token = fixture.awaitLink(setup.emails().get(0), "Please sign", 0);

        page.setViewportSize(390, 844);
        page.navigate("/sign/" + token);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Master agreement")))
                .isVisible();
        Accessibility.of(page).assertNoSeriousViolations();
        page.getByLabel("I have read the document and agree to sign it electronically")
                .check();
        page.getByLabel("Type your full name").fill("Signer0 Buyer");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign the contract"))
                .click();

        assertThat(page.getByText("You signed this contract")).isVisible();
        int width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
        org.assertj.core.api.Assertions.assertThat(width)
                .as("the page's width on a phone")
                .isLessThanOrEqualTo(390);
    }
}
