package dev.aiworkbook.functions.image.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiworkbook.functions.image.Pictures;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {

    @Test
    @DisplayName("PNG and JPEG decode to their size")
    void decodesPngAndJpeg() {
        byte[] png = Pictures.encode(Pictures.of(0, 3, true), "png");
        byte[] jpeg = Pictures.encode(Pictures.of(0, 2, true), "jpg");

        assertThat(ImageDecoder.decode(png).getWidth()).isEqualTo(84);
        assertThat(ImageDecoder.decode(jpeg).getWidth()).isEqualTo(56);
    }

    @Test
    @DisplayName("GIF, BMP and text are refused by name, saying PNG and JPEG are accepted")
    void refusesOtherFormats() {
        byte[] gif = Pictures.encode(Pictures.of(0, 1, true), "gif");
        byte[] bmp = Pictures.encode(Pictures.of(0, 1, true), "bmp");
        byte[] text = "hello, this is not a picture".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ImageDecoder.decode(gif)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("GIF").hasMessageContaining("PNG and JPEG");
        assertThatThrownBy(() -> ImageDecoder.decode(bmp)).hasMessageContaining("BMP");
        assertThatThrownBy(() -> ImageDecoder.decode(text)).hasMessageContaining("text");
    }

    @Test
    @DisplayName("a PNG cut in half is refused as damaged, naming the format")
    void refusesADamagedPng() {
        byte[] png = Pictures.encode(Pictures.of(0, 3, true), "png");
        byte[] half = Arrays.copyOf(png, png.length / 2);

        assertThatThrownBy(() -> ImageDecoder.decode(half)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("PNG image could not be decoded");
    }

    @Test
    @DisplayName("an empty body is refused")
    void refusesEmpty() {
        assertThatThrownBy(() -> ImageDecoder.decode(new byte[0]))
                .isInstanceOf(BadInputException.class).hasMessageContaining("empty");
    }
}
