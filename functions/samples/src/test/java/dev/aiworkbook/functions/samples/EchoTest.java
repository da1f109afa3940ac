package dev.aiworkbook.functions.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EchoTest {

    @Test
    @DisplayName("returns its event byte for byte")
    void returnsEvent() throws Exception {
        byte[] event = "{\"a\":[1,2]}".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new Echo().handleRequest(new ByteArrayInputStream(event), out, null);

        assertThat(out.toByteArray()).isEqualTo(event);
    }
}
