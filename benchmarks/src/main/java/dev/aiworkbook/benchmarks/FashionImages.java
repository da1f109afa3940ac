package dev.aiworkbook.benchmarks;

import dev.aiworkbook.functions.image.data.FashionMnist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed Fashion-MNIST test set, found from the project root or a module folder. */
final class FashionImages {

    private FashionImages() {
    }

    static FashionMnist testSet() throws IOException {
        for (String root : new String[] {".", ".."}) {
            Path folder = Path.of(root, "models", "fashion-mnist-cnn", "test-set");
            if (Files.isDirectory(folder)) {
                return FashionMnist.load(folder, FashionMnist.Split.TEST);
            }
        }
        throw new IOException("models/fashion-mnist-cnn/test-set not found from "
                + Path.of("").toAbsolutePath() + ": run the benchmarks from the project root");
    }
}
