package io.salesflow.customfield;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CustomFieldListTest {

    @Autowired
    Api api;

    @Test
    void numbersFilterByValueAndSortWithEmptyOnesLastAcrossPages() {
        String budget = CustomFieldFixture.key("budget");
        fields().define("lead", budget, "number", Map.of());
        String tag = tag();
        Object[] budgets = {50, 5, null, 20, null, new java.math.BigDecimal("100.5"), 20};
        for (Object value : budgets) {
            create("/api/v1/leads", Map.of("company", "Budget " + value, "source", "api"), tag, budget, value);
        }
        String base = "/api/v1/leads?tags[has]=" + tag + "&customFields." + budget;
        assertThat(count(base + "[gt]=10")).isEqualTo(4);
        assertThat(count(base + "[lte]=20")).isEqualTo(3);
        assertThat(count(base + "=20")).isEqualTo(2);
        assertThat(count(base + "=20.00")).as("numbers compare by value").isEqualTo(2);
        assertThat(count(base + "[ne]=20")).isEqualTo(5);
        assertThat(count(base + "[in]=5,100.5")).isEqualTo(2);
        assertThat(count(base + "[isNull]=true")).isEqualTo(2);
        assertThat(count(base + "[isNull]=false")).isEqualTo(5);

        String sorted = "/api/v1/leads?tags[has]=" + tag + "&limit=2&sort=";
        assertThat(values(pages(sorted + "customFields." + budget), budget))
                .containsExactly("5", "20", "20", "50", "100.5", null, null);
        assertThat(values(pages(sorted + "-customFields." + budget), budget))
                .containsExactly("100.5", "50", "20", "20", "5", null, null);
        assertThat(values(pages(sorted + "-customFields." + budget + ",company"), budget))
                .containsExactly("100.5", "50", "20", "20", "5", null, null);
    }

    @Test
    void datesFilterAndSortAsDates() {
        String since = CustomFieldFixture.key("since");
        fields().define("contact", since, "date", Map.of());
        String tag = tag();
        for (String value : Arrays.asList("2024-05-01", null, "2023-01-15", "2025-12-31")) {
            create("/api/v1/contacts", Map.of("lastName", "Since " + value), tag, since, value);
        }
        String base = "/api/v1/contacts?tags[has]=" + tag + "&customFields." + since;
        assertThat(count(base + "[lt]=2024-06-01")).isEqualTo(2);
        assertThat(count(base + "[gte]=2024-05-01")).isEqualTo(2);
        assertThat(count(base + "=2023-01-15")).isEqualTo(1);
        assertThat(values(pages("/api/v1/contacts?tags[has]=" + tag + "&limit=1&sort=-customFields." + since), since))
                .containsExactly("2025-12-31", "2024-05-01", "2023-01-15", null);
        assertField(get(base + "[lt]=yesterday"), "customFields." + since + "[lt]");
    }

    @Test
    void textMatchesIgnoringCaseAndSortsAlphabetically() {
        String code = CustomFieldFixture.key("code");
        fields().define("account", code, "text", Map.of());
        String tag = tag();
        for (String value : Arrays.asList("Gamma", "alpha", null, "Beta")) {
            create("/api/v1/accounts", Map.of("name", "Code " + value), tag, code, value);
        }
        String base = "/api/v1/accounts?tags[has]=" + tag + "&customFields." + code;
        assertThat(count(base + "=ALPHA")).isEqualTo(1);
        assertThat(count(base + "[contains]=AM")).isEqualTo(1);
        assertThat(count(base + "[startsWith]=be")).isEqualTo(1);
        assertThat(count(base + "[in]=alpha,gamma")).isEqualTo(2);
        assertThat(count(base + "[ne]=beta")).isEqualTo(3);
        assertThat(values(pages("/api/v1/accounts?tags[has]=" + tag + "&limit=3&sort=customFields." + code), code))
                .containsExactly("alpha", "Beta", "Gamma", null);
        assertField(get(base + "[gt]=b"), "customFields." + code + "[gt]");
    }

    @Test
    void booleansFilterByTruthAndSortTrueFirstWhenDescending() {
        String flag = CustomFieldFixture.key("flag");
        fields().define("deal", flag, "boolean", Map.of());
        String tag = tag();
        for (Boolean value : Arrays.asList(true, false, null, true)) {
            create("/api/v1/deals", Map.of("name", "Flag " + value, "amount", 1, "currency", "EUR"), tag, flag, value);
        }
        String base = "/api/v1/deals?tags[has]=" + tag + "&customFields." + flag;
        assertThat(count(base + "=true")).isEqualTo(2);
        assertThat(count(base + "=false")).isEqualTo(1);
        assertThat(count(base + "[ne]=true")).isEqualTo(2);
        assertThat(count(base + "[isNull]=true")).isEqualTo(1);
        assertThat(values(pages("/api/v1/deals?tags[has]=" + tag + "&limit=3&sort=-customFields." + flag), flag))
                .containsExactly("true", "true", "false", null);
        assertField(get(base + "=yes"), "customFields." + flag);
        assertField(get(base + "[gt]=true"), "customFields." + flag + "[gt]");
    }

    @Test
    void picklistsMatchTheirOptionsAndLookupsTheirIds() {
        String tier = CustomFieldFixture.key("tier");
        String parentOf = CustomFieldFixture.key("parent");
        fields().define("account", tier, "picklist", Map.of("options", List.of("Gold", "Silver", "Bronze")));
        fields().define("account", parentOf, "lookup", Map.of("lookupTarget", "account"));
        String tag = tag();
        String first = create("/api/v1/accounts", Map.of("name", "Gold one"), tag, tier, "Gold");
        String second = create("/api/v1/accounts", Map.of("name", "Silver one"), tag, tier, "silver");
        create("/api/v1/accounts", Map.of("name", "Child of gold"), tag, parentOf, first);
        create("/api/v1/accounts", Map.of("name", "Child of silver"), tag, parentOf, second);

        String base = "/api/v1/accounts?tags[has]=" + tag + "&customFields.";
        assertThat(count(base + tier + "=gold")).isEqualTo(1);
        assertThat(count(base + tier + "[in]=Gold,Bronze")).isEqualTo(1);
        assertThat(count(base + tier + "[ne]=Gold")).isEqualTo(3);
        assertThat(count(base + parentOf + "=" + first)).isEqualTo(1);
        assertThat(count(base + parentOf + "[in]=" + first + "," + second)).isEqualTo(2);
        assertThat(count(base + parentOf + "[isNull]=true")).isEqualTo(2);
        assertThat(values(pages(base.replace("&customFields.", "") + "&sort=customFields." + tier), tier))
                .containsExactly("Gold", "Silver", null, null);
        assertField(get(base + tier + "[contains]=ol"), "customFields." + tier + "[contains]");
        assertField(get(base + parentOf + "=not-an-id"), "customFields." + parentOf);
        assertField(get("/api/v1/accounts?sort=customFields." + parentOf), "sort");
    }

    @Test
    void fieldSelectionKeepsTheCustomFieldsAndUnknownKeysAreRefused() {
        String score = CustomFieldFixture.key("score");
        fields().define("lead", score, "number", Map.of());
        String tag = tag();
        create("/api/v1/leads", Map.of("company", "Selected", "source", "api"), tag, score, 7);
        JsonNode item = get("/api/v1/leads?tags[has]=" + tag + "&fields=customFields")
                .expect(200)
                .json()
                .get("items")
                .get(0);
        assertThat(item.get("customFields").get(score).asInt()).isEqualTo(7);
        assertThat(item.has("company")).isFalse();
        assertField(get("/api/v1/leads?customFields.nosuchfield=1"), "customFields.nosuchfield");
        assertField(get("/api/v1/leads?sort=customFields.nosuchfield"), "sort");
        assertField(get("/api/v1/leads?customFields." + score + "[gt]=abc"), "customFields." + score + "[gt]");
    }

    /** Creates a record as the acme admin with a tag and one custom value (none when null); returns its id. */
    private String create(String collection, Map<String, Object> body, String tag, String key, Object value) {
        Map<String, Object> customFields = new HashMap<>();
        if (value != null) {
            customFields.put(key, value);
        }
        Map<String, Object> full = new HashMap<>(body);
        full.put("tags", List.of(tag));
        full.put("customFields", customFields);
        return api.as("acme", "admin@acme.test", "POST", collection)
                .json(full)
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    /** Every item of a list, following the cursor; fails if a page repeats a record. */
    private List<JsonNode> pages(String query) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get(query + (cursor == null ? "" : "&cursor=" + cursor))
                    .expect(200)
                    .json();
            page.get("items").forEach(items::add);
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
        } while (cursor != null);
        assertThat(items.stream().map(i -> i.get("id").asText()).distinct()).hasSameSizeAs(items);
        return items;
    }

    private static List<String> values(List<JsonNode> items, String key) {
        return items.stream()
                .map(i -> i.get("customFields").has(key)
                        ? i.get("customFields").get(key).asText()
                        : null)
                .toList();
    }

    private int count(String query) {
        return get(query + "&limit=200").expect(200).json().get("items").size();
    }

    private Api.Response get(String query) {
        return api.as("acme", "admin@acme.test", "GET", query).send();
    }

    private static String tag() {
        return CustomFieldFixture.key("t");
    }

    private CustomFieldFixture fields() {
        return new CustomFieldFixture(api);
    }
}
