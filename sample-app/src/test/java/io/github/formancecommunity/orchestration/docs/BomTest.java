package io.github.formancecommunity.orchestration.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * {@code orchestration-bom} manages every published module of the reactor, at the project's version, and nothing
 * of other projects, so that importing it once is enough and changes no other version of the application.
 * A module is published unless its pom sets {@code maven.deploy.skip} to {@code true} (the sample, the benchmarks).
 */
class BomTest {

    private static final Path ROOT = MarkdownSnippets.repositoryRoot();

    @Test
    void theBomManagesEveryPublishedModuleAtTheProjectVersion() throws Exception {
        Document bom = parse(ROOT.resolve("orchestration-bom/pom.xml"));
        List<Element> managed = managedDependencies(bom);

        assertThat(publishedModules()).isNotEmpty().allSatisfy(artifactId -> assertThat(managed)
                .as("the BOM's dependencyManagement")
                .anySatisfy(dependency -> {
                    assertThat(child(dependency, "groupId")).isEqualTo(MarkdownSnippets.GROUP_ID);
                    assertThat(child(dependency, "artifactId")).isEqualTo(artifactId);
                }));
        assertThat(managed).allSatisfy(dependency -> {
            assertThat(child(dependency, "groupId")).isEqualTo(MarkdownSnippets.GROUP_ID);
            assertThat(child(dependency, "version")).isEqualTo("${project.version}");
            assertThat(child(dependency, "scope")).isNull();
        });
    }

    @Test
    void theBomHasTheProjectsVersionAndNoParentWhoseVersionsItWouldImport() throws Exception {
        Element bom = parse(ROOT.resolve("orchestration-bom/pom.xml")).getDocumentElement();
        Element root = parse(ROOT.resolve("pom.xml")).getDocumentElement();

        assertThat(child(bom, "parent")).as("parent of the BOM").isNull();
        assertThat(child(bom, "packaging")).isEqualTo("pom");
        assertThat(child(bom, "groupId")).isEqualTo(child(root, "groupId"));
        assertThat(child(bom, "version")).isEqualTo(child(root, "version"));
        assertThat(modules()).contains(MarkdownSnippets.BOM);
    }

    @Test
    void theSampleAndTheBenchmarksAreNotPublishedTheLibrariesAre() throws Exception {
        assertThat(publishedModules()).contains("orchestration-client", "orchestration-spring-boot-autoconfigure",
                "orchestration-spring-boot-starter", "orchestration-test")
                .doesNotContain("sample-app", "benchmarks", MarkdownSnippets.BOM);
    }

    /** The artifact ids of the root pom's modules whose artifact is published, the BOM aside. */
    private static List<String> publishedModules() throws Exception {
        List<String> published = new ArrayList<>();
        for (String module : modules()) {
            Element pom = parse(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement();
            Element properties = childElement(pom, "properties");
            boolean skipped = properties != null && "true".equals(child(properties, "maven.deploy.skip"));
            String artifactId = child(pom, "artifactId");
            if (!skipped && !MarkdownSnippets.BOM.equals(artifactId)) {
                published.add(artifactId);
            }
        }
        return published;
    }

    private static List<String> modules() throws Exception {
        Element modules = childElement(parse(ROOT.resolve("pom.xml")).getDocumentElement(), "modules");
        List<String> names = new ArrayList<>();
        for (Element module : children(modules, "module")) {
            names.add(module.getTextContent().strip());
        }
        return names;
    }

    private static List<Element> managedDependencies(Document pom) {
        Element management = childElement(pom.getDocumentElement(), "dependencyManagement");
        assertThat(management).as("dependencyManagement").isNotNull();
        return children(childElement(management, "dependencies"), "dependency");
    }

    private static Document parse(Path pom) throws Exception {
        assertThat(pom).isRegularFile();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (var in = Files.newInputStream(pom)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static String child(Element element, String name) {
        Element child = childElement(element, name);
        return child == null ? null : child.getTextContent().strip();
    }

    private static Element childElement(Element element, String name) {
        List<Element> found = children(element, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element element, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(name)) {
                found.add(child);
            }
        }
        return found;
    }
}
