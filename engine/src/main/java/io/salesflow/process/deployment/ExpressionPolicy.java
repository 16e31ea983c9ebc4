package io.salesflow.process.deployment;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a deployed model may do, decided on its parse tree (JUEL's own parser, with the method
 * calls the engine allows), never by a pattern on its text: read process variables, compare and combine them,
 * and call a method of a bean in the published catalogue with such values. Everything else — property access
 * (which reaches any getter, {@code "".class} included), functions, the engine's own objects ({@code execution},
 * {@code task}) and beans outside the catalogue — is refused with the reason.
 */
final class ExpressionPolicy {

    /** Objects the engine puts in every expression's scope; through them a model reaches the whole engine. */
    private static final Set<String> ENGINE_OBJECTS = Set.of(
            "execution",
            "task",
            "externalTask",
            "caseExecution",
            "variableScope",
            "connector",
            "processEngine",
            "processEngineServices",
            "applicationContext",
            "environment",
            "systemProperties",
            "systemEnvironment");

    /** What every Java object has; {@code getClass()} is the way from a bean to reflection. */
    private static final Set<String> OBJECT_METHODS =
            Set.of("getClass", "wait", "notify", "notifyAll", "clone", "finalize");

    private final Set<String> catalogue;
    private final Predicate<String> isBean;

    /**
     * @param catalogue the beans a model may name
     * @param isBean whether a name is any bean of the application (a variable of that name would not win
     *     against it in every scope, so such an identifier is refused unless it is in the catalogue)
     */
    ExpressionPolicy(Set<String> catalogue, Predicate<String> isBean) {
        this.catalogue = Set.copyOf(catalogue);
        this.isBean = isBean;
    }

    /** Why {@code text} may not be evaluated by the engine, if it may not. Text without an expression is fine. */
    Optional<String> refusalOf(String text) {
        return parse(text).map(root -> check(root)).orElseGet(() -> Optional.of(unparsable(text)));
    }

    /**
     * A delegate expression names exactly one catalogue bean, {@code ${bean}}: the engine calls it as a
     * {@code JavaDelegate} or listener, so anything else would let the model pick what runs.
     */
    Optional<String> refusalOfDelegate(String text) {
        Optional<Node> root = parse(text);
        if (root.isEmpty()) {
            return Optional.of(unparsable(text));
        }
        Node node = root.get();
        if (node instanceof AstEval eval && eval.getChild(0) instanceof AstIdentifier bean) {
            return catalogue.contains(bean.getName())
                    ? Optional.empty()
                    : Optional.of("the delegate '" + bean.getName() + "' is not in the catalogue of process beans");
        }
        return Optional.of("a delegate expression must name one bean of the catalogue, as ${beanName}");
    }

    private static Optional<Node> parse(String text) {
        try {
            return Optional.of(new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS)
                    .build(text)
                    .getRoot());
        } catch (TreeBuilderException e) {
            return Optional.empty();
        }
    }

    private static String unparsable(String text) {
        return "the expression " + shorten(text) + " cannot be parsed";
    }

    private Optional<String> check(Node node) {
        if (node instanceof AstText
                || node instanceof AstString
                || node instanceof AstNumber
                || node instanceof AstBoolean
                || node instanceof AstNull) {
            return Optional.empty();
        }
        if (node instanceof AstIdentifier identifier) {
            return identifierRefusal(identifier.getName());
        }
        if (node instanceof AstMethod method) {
            return methodRefusal(method);
        }
        if (node instanceof AstComposite
                || node instanceof AstEval
                || node instanceof AstNested
                || node instanceof AstBinary
                || node instanceof AstUnary
                || node instanceof AstChoice) {
            return children(node);
        }
        if (node instanceof AstDot || node instanceof AstBracket) {
            return Optional.of("the expression reads a property of an object (" + node
                    + "); use process variables, comparisons and calls of catalogue beans");
        }
        return Optional.of(
                "the expression uses " + node.getClass().getSimpleName().replace("Ast", "")
                        + ", which models may not; use process variables, comparisons and calls of catalogue beans");
    }

    private Optional<String> children(Node node) {
        for (int i = 0; i < node.getCardinality(); i++) {
            Optional<String> refusal = check(node.getChild(i));
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    private Optional<String> identifierRefusal(String name) {
        if (ENGINE_OBJECTS.contains(name)) {
            return Optional.of("the expression uses the engine object '" + name + "'; use process variables");
        }
        if (catalogue.contains(name)) {
            return Optional.of("the expression passes the bean '" + name + "' around; call one of its methods");
        }
        if (isBean.test(name)) {
            return Optional.of(
                    "the expression names '" + name + "', an application bean outside the catalogue of process beans");
        }
        return Optional.empty();
    }

    /** {@code bean.method(args)}: the bean from the catalogue, each argument itself allowed. */
    private Optional<String> methodRefusal(AstMethod method) {
        Node target = method.getChild(0);
        if (!(target instanceof AstDot dot) || !(dot.getChild(0) instanceof AstIdentifier bean)) {
            return Optional.of("the expression calls a method on something other than a catalogue bean");
        }
        if (ENGINE_OBJECTS.contains(bean.getName())) {
            return identifierRefusal(bean.getName());
        }
        if (!catalogue.contains(bean.getName())) {
            return Optional.of(
                    "the expression calls '" + bean.getName() + "', which is not in the catalogue of process beans");
        }
        String name = dot.toString().substring(2);
        if (OBJECT_METHODS.contains(name)) {
            return Optional.of("the expression calls " + name + "() of '" + bean.getName() + "', which models may not");
        }
        Node parameters = method.getChild(1);
        return parameters instanceof AstParameters
                ? children(parameters)
                : Optional.of("the expression calls " + method + " in a way models may not");
    }

    static String shorten(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return "'" + (oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine) + "'";
    }
}
