package dev.aiworkbook.functions.image.zoo;

import ai.djl.Application;
import ai.djl.MalformedModelException;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.util.Utils;
import dev.aiworkbook.functions.image.model.ModelUnavailableException;
import dev.aiworkbook.functions.image.model.PyTorchEngine;
import java.io.IOException;

/**
 * A pretrained ImageNet classifier from DJL's PyTorch model zoo, by name (chapter 05): the
 * one model of this chapter that is not shipped, because it is 45 MB and more.
 *
 * <p>It needs the network once: DJL downloads it into its cache ({@code DJL_CACHE_DIR}), and
 * later loads find it there. Offline (the workbook's default) it is refused at once with what
 * to do, before any download is tried.
 */
public final class ImageNetModel {

    private ImageNetModel() {
    }

    /**
     * @param artifactId the zoo's name for it, such as {@code resnet}
     * @return the loaded model, images in and ImageNet classes out
     * @throws ModelUnavailableException offline or when the download fails, saying how to get it
     */
    public static ZooModel<Image, Classifications> load(String artifactId) {
        PyTorchEngine.start();
        if (Utils.isOfflineMode()) {
            throw new ModelUnavailableException("The ImageNet model \"" + artifactId + "\" is"
                    + " not available: it is not shipped with the workbook, and DJL runs offline"
                    + " here, so it will not download it. To get it, run once with the network"
                    + " and DJL_OFFLINE=false: DJL then downloads it from its model zoo into"
                    + " DJL_CACHE_DIR (~/.djl.ai by default), and later runs load it from"
                    + " there. Offline, classify Fashion-MNIST pictures with the shipped"
                    + " model instead.");
        }
        Criteria<Image, Classifications> criteria = Criteria.builder()
                .optApplication(Application.CV.IMAGE_CLASSIFICATION)
                .setTypes(Image.class, Classifications.class)
                .optEngine("PyTorch")
                .optArtifactId(artifactId)
                .build();
        try {
            return criteria.loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new ModelUnavailableException("The ImageNet model \"" + artifactId + "\" could"
                    + " not be loaded from DJL's model zoo (" + e.getMessage() + "). It needs the"
                    + " network the first time; check the name (for example \"resnet\") and"
                    + " the connection.", e);
        }
    }
}
