package io.salesflow.process.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Checks BPMN and DMN files before anything of them reaches the engine (DESIGN.md §4). The XML is parsed without
 * DTDs; then every element and attribute is looked at: no script anywhere (script tasks, script listeners and
 * input/output scripts, with their external resources, a script language on a condition or decision), no Java class
 * named by the model ({@code camunda:class} and the like), no Camunda connectors, delegates only from the
 * catalogue, and every expression — in any attribute or text, wherever the engine might evaluate it — allowed by
 * the {@link ExpressionPolicy}. The result lists every refusal with its file and element, so ops fix them in one
 * go; an empty list means the files may be deployed.
 */
public final class ModelValidator {

    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";

    /** Languages the engine evaluates without a script engine: JUEL (checked by the policy) and FEEL for DMN. */
    private static final Set<String> EXPRESSION_LANGUAGES = Set.of(
            "juel",
            "feel",
            "http://www.omg.org/spec/feel/20140401",
            "https://www.omg.org/spec/dmn/20191111/feel/",
            "https://www.omg.org/spec/dmn/20180521/feel/",
            "http://www.omg.org/spec/dmn/20180521/feel/");

    private final ExpressionPolicy expressions;

    /**
     * @param catalogue the beans models may name as delegates and call in expressions
     * @param isBean whether a name is any bean of the application
     */
    public ModelValidator(Set<String> catalogue, Predicate<String> isBean) {
        this.expressions = new ExpressionPolicy(catalogue, isBean);
    }

    public List<Refusal> validate(List<ModelFile> files) {
        List<Refusal> refusals = new ArrayList<>();
        for (ModelFile file : files) {
            validate(file, refusals);
        }
        return refusals;
    }

    private void validate(ModelFile file, List<Refusal> refusals) {
        String name = file.name() == null ? "" : file.name().toLowerCase(Locale.ROOT);
        if (name.endsWith(".form")) {
            return; // Camunda Forms are JSON read by the form editor and our task API; the engine evaluates nothing
        }
        if (!name.endsWith(".bpmn") && !name.endsWith(".dmn")) {
            refusals.add(new Refusal(file.name(), null, "only .bpmn, .dmn and .form files can be deployed"));
            return;
        }
        Document document;
        try {
            document = SecureXml.parse(file.content());
        } catch (SecureXml.Unreadable e) {
            refusals.add(new Refusal(file.name(), null, e.getMessage()));
            return;
        }
        new Walk(file.name(), refusals).element(document.getDocumentElement());
    }

    /** One file's walk through its elements. */
    private final class Walk {
        private final String file;
        private final List<Refusal> refusals;

        Walk(String file, List<Refusal> refusals) {
            this.file = file;
            this.refusals = refusals;
        }

        void element(Element element) {
            String local = element.getLocalName();
            if ("documentation".equals(local) || "BPMNDiagram".equals(local) || "DMNDI".equals(local)) {
                return; // prose and diagram shapes; the engine evaluates neither
            }
            Optional<String> refusal = elementRefusal(element);
            if (refusal.isPresent()) {
                refuse(element, refusal.get());
                return; // one reason is enough: what the refused element holds never reaches the engine
            }
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                attribute(element, (Attr) attributes.item(i));
            }
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element nested) {
                    element(nested);
                } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                    expression(element, child.getNodeValue());
                }
            }
        }

        private Optional<String> elementRefusal(Element element) {
            String local = element.getLocalName();
            boolean camunda = isCamunda(element.getNamespaceURI());
            if ("scriptTask".equals(local)) {
                return Optional.of("script tasks are not allowed; use a service task with a catalogue bean");
            }
            if (camunda && "script".equals(local)) {
                return Optional.of("scripts are not allowed (in listeners, input/output or anywhere else)");
            }
            if (camunda && "connector".equals(local)) {
                return Optional.of("Camunda connectors are not allowed; use a service task with a catalogue bean");
            }
            return Optional.empty();
        }

        private void attribute(Element element, Attr attribute) {
            String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            String value = attribute.getValue();
            String lower = local.toLowerCase(Locale.ROOT);
            // Attributes of Camunda's own elements (camunda:executionListener class="...") have no namespace.
            boolean camunda = isCamunda(attribute.getNamespaceURI())
                    || (attribute.getNamespaceURI() == null && isCamunda(element.getNamespaceURI()));
            if (camunda) {
                if (lower.endsWith("class")) {
                    refuse(
                            element,
                            "camunda:" + local + " names a Java class; use camunda:delegateExpression"
                                    + " with a catalogue bean");
                    return;
                }
                if ("resource".equals(local)) {
                    refuse(element, "external script resources are not allowed (camunda:resource)");
                    return;
                }
                if (lower.endsWith("delegateexpression")) {
                    expressions.refusalOfDelegate(value).ifPresent(reason -> refuse(element, reason));
                    return;
                }
            }
            if ("scriptFormat".equals(local)) {
                refuse(element, "scripts are not allowed (scriptFormat)");
                return;
            }
            if ("language".equals(local) && isBpmn(element.getNamespaceURI())) {
                // A BPMN condition with a language is a script condition, evaluated by a script engine.
                refuse(element, "script conditions are not allowed; write the condition as ${...} without a language");
                return;
            }
            if (("expressionLanguage".equals(local) || "typeLanguage".equals(local))
                    && !EXPRESSION_LANGUAGES.contains(value.strip().toLowerCase(Locale.ROOT))) {
                refuse(element, "the expression language '" + value + "' is not allowed; use JUEL or FEEL");
                return;
            }
            expression(element, value);
        }

        private void expression(Element element, String text) {
            if (text == null || (!text.contains("${") && !text.contains("#{"))) {
                return;
            }
            expressions.refusalOf(text).ifPresent(reason -> refuse(element, reason));
        }

        private void refuse(Element element, String reason) {
            refusals.add(new Refusal(file, idOf(element), reason));
        }
    }

    private static boolean isBpmn(String namespace) {
        return "http://www.omg.org/spec/BPMN/20100524/MODEL".equals(namespace);
    }

    private static boolean isCamunda(String namespace) {
        return CAMUNDA.equals(namespace) || CAMUNDA_DMN.equals(namespace);
    }

    /** The element's id, or its nearest ancestor's: a listener or script has none of its own. */
    private static String idOf(Element element) {
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            if (e.hasAttribute("id") && !e.getAttribute("id").isBlank()) {
                return e.getAttribute("id");
            }
        }
        return null;
    }
}
