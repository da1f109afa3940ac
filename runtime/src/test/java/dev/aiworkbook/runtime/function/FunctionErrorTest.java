package dev.aiworkbook.runtime.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FunctionErrorTest {

    @Test
    @DisplayName("the timeout message is worded as Lambda words it, whatever the JVM's locale")
    void timeoutMessageIgnoresLocale() {
        Locale before = Locale.getDefault();
        try {
            // German writes a decimal comma: "1,00" would break clients that match the text
            Locale.setDefault(Locale.GERMANY);

            FunctionError error = FunctionError.timeout(1.5);

            assertThat(error.errorMessage()).isEqualTo("Task timed out after 1.50 seconds");
        } finally {
            Locale.setDefault(before);
        }
    }
}
