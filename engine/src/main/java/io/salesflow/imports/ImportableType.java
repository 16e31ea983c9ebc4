package io.salesflow.imports;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The record types a file can be imported into: the API fields a column may map to (a dotted name fills a
 * nested object, {@code billingAddress.city}), how a cell becomes that field's JSON, the field duplicates are
 * recognised by, and the column names people commonly use for each field.
 */
enum ImportableType {
    LEADS(
            "leads",
            "lead",
            "email",
            fields(
                    "firstName",
                    "lastName",
                    "company",
                    "title",
                    "email",
                    "phone",
                    "website",
                    "industry",
                    "companySize",
                    "country",
                    "language",
                    "timeZone",
                    "productInterest",
                    "source",
                    "status",
                    "unqualifiedReason"),
            Map.of(
                    "company", "company companyname organization organisation account accountname",
                    "companySize", "companysize employees size",
                    "source", "source leadsource",
                    "productInterest", "productinterest product interest",
                    "language", "language lang",
                    "timeZone", "timezone tz")),
    CONTACTS(
            "contacts",
            "contact",
            "email",
            fields(
                    "firstName",
                    "lastName",
                    "title",
                    "accountId",
                    "accountRole",
                    "email",
                    "phone",
                    "phoneRegion",
                    "status",
                    "source",
                    "preferredLanguage",
                    "timeZone",
                    "social.linkedin",
                    "social.x",
                    "social.facebook",
                    "social.instagram",
                    "social.github",
                    "social.website"),
            Map.of(
                    "accountRole", "accountrole role",
                    "preferredLanguage", "preferredlanguage language lang",
                    "timeZone", "timezone tz",
                    "social.linkedin", "linkedin",
                    "social.x", "x twitter")),
    ACCOUNTS(
            "accounts",
            "account",
            "domain",
            fields(
                    "name",
                    "domain",
                    "website",
                    "industry",
                    "size",
                    "territory",
                    "parentId",
                    "billingAddress.street",
                    "billingAddress.city",
                    "billingAddress.postalCode",
                    "billingAddress.region",
                    "billingAddress.country",
                    "shippingAddress.street",
                    "shippingAddress.city",
                    "shippingAddress.postalCode",
                    "shippingAddress.region",
                    "shippingAddress.country"),
            Map.of(
                    "name", "name accountname company companyname organization organisation",
                    "size", "size companysize employees",
                    "billingAddress.street", "street address billingstreet",
                    "billingAddress.city", "city billingcity",
                    "billingAddress.postalCode", "zip zipcode postcode postalcode billingzip billingpostcode",
                    "billingAddress.region", "state region province billingstate",
                    "billingAddress.country", "country billingcountry countrycode"));

    final String collection;
    final String recordName;
    final String duplicateKey;
    final Map<String, FieldKind> fields;
    private final Map<String, String> synonyms = new LinkedHashMap<>();

    ImportableType(
            String collection,
            String recordName,
            String duplicateKey,
            Map<String, FieldKind> fields,
            Map<String, String> synonyms) {
        this.collection = collection;
        this.recordName = recordName;
        this.duplicateKey = duplicateKey;
        Map<String, FieldKind> all = new LinkedHashMap<>(fields);
        if (collection.equals("contacts")) {
            all.put("emails", FieldKind.LIST);
            all.put("phones", FieldKind.LIST);
            all.put("emailOptIn", FieldKind.FLAG);
            all.put("smsOptIn", FieldKind.FLAG);
            all.put("whatsappOptIn", FieldKind.FLAG);
        }
        all.put("ownerId", FieldKind.TEXT);
        all.put("ownerEmail", FieldKind.OWNER_EMAIL);
        all.put("teamId", FieldKind.TEXT);
        all.put("tags", FieldKind.LIST);
        this.fields = Collections.unmodifiableMap(all);
        all.keySet().forEach(f -> this.synonyms.put(normalise(f), f));
        synonyms.forEach(this::addSynonyms);
        CommonSynonyms.NAMES.forEach(this::addSynonyms);
    }

    /** How a cell becomes JSON: text as it is, a flag (true/yes/1), a list split at {@code ;} or {@code ,}. */
    enum FieldKind {
        TEXT,
        FLAG,
        LIST,
        OWNER_EMAIL
    }

    /** Names people give the columns every type shares, normalised (lower case, letters and digits only). */
    private static final class CommonSynonyms {
        static final Map<String, String> NAMES = Map.of(
                "firstName", "firstname givenname forename first",
                "lastName", "lastname surname familyname last",
                "email", "email emailaddress mail",
                "title", "title jobtitle position",
                "phone", "phone phonenumber telephone tel mobile mobilephone cell",
                "website", "website web url homepage site",
                "industry", "industry sector",
                "country", "country countrycode",
                "ownerEmail", "owner owneremail assignedto",
                "tags", "tags labels");
    }

    String writePermission() {
        return collection + ":write";
    }

    static Optional<ImportableType> of(String collection) {
        return Arrays.stream(values())
                .filter(t -> t.collection.equalsIgnoreCase(collection))
                .findFirst();
    }

    /** The field a column header names, by its API name or a common synonym, ignoring case and punctuation. */
    Optional<String> fieldFor(String header) {
        return Optional.ofNullable(synonyms.get(normalise(header)));
    }

    static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private void addSynonyms(String field, String names) {
        if (!fields.containsKey(field)) {
            return;
        }
        for (String name : names.split(" ")) {
            synonyms.putIfAbsent(name, field);
        }
    }

    private static Map<String, FieldKind> fields(String... names) {
        Map<String, FieldKind> fields = new LinkedHashMap<>();
        for (String name : names) {
            fields.put(name, FieldKind.TEXT);
        }
        return fields;
    }
}
