package io.salesflow.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.platform.problem.Problem;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void keepsOnlyTheLastPathSegment() {
        assertThat(FileNames.sanitise("C:\\fakepath\\Quote.pdf")).isEqualTo("Quote.pdf");
        assertThat(FileNames.sanitise("../../etc/passwd.txt")).isEqualTo("passwd.txt");
    }

    @Test
    void dropsControlAndDirectionCharactersAndReplacesReservedOnes() {
        assertThat(FileNames.sanitise("inv\u0000oice\r\n.pdf")).isEqualTo("invoice.pdf");
        assertThat(FileNames.sanitise("photo\u202Egpj.exe")).isEqualTo("photogpj.exe");
        assertThat(FileNames.sanitise("a<b>c:d\"e|f?g*.txt")).isEqualTo("a_b_c_d_e_f_g_.txt");
        assertThat(FileNames.sanitise("  .hidden  name\t.txt.. ")).isEqualTo("hidden name.txt");
    }

    @Test
    void keepsLettersOfEveryScriptInOneForm() {
        assertThat(FileNames.sanitise("Angebot fu\u0308r Mu\u0308ller – 見積書.pdf"))
                .isEqualTo("Angebot für Müller – 見積書.pdf");
    }

    @Test
    void shortensLongNamesAndKeepsTheExtension() {
        String name = FileNames.sanitise("x".repeat(300) + ".docx");
        assertThat(name).hasSize(FileNames.MAX_LENGTH).endsWith("x.docx");
    }

    @Test
    void aNameOfNothingUsableIsAFieldError() {
        for (String bad : new String[] {null, "", " ", "...", "/tmp/", "\u0007"}) {
            assertThatThrownBy(() -> FileNames.sanitise(bad)).isInstanceOfSatisfying(Problem.class, p -> {
                assertThat(p.status()).isEqualTo(400);
                assertThat(p.fieldErrors().get(0).field()).isEqualTo("file");
            });
        }
    }
}
