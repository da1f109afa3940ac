package dev.aiworkbook.functions.image.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.util.Utils;
import dev.aiworkbook.functions.image.zoo.ImageNetModel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ImageNetModelTest {

    @Test
    @DisplayName("offline, the ImageNet model is refused at once, saying how to get it")
    void offlineSaysHowToGetIt() {
        PyTorchEngine.start();
        assertThat(Utils.isOfflineMode()).as("the workbook runs DJL offline").isTrue();

        assertThatThrownBy(() -> ImageNetModel.load("resnet"))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("\"resnet\" is not available")
                .hasMessageContaining("DJL_OFFLINE=false")
                .hasMessageContaining("DJL_CACHE_DIR");
    }
}
