package dev.aiworkbook.functions.image;

import dev.aiworkbook.functions.image.data.FashionMnist;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files the tests use: the committed test set and model, never a download. */
public final class TestData {

    /** The project's models/fashion-mnist-cnn folder. */
    public static final Path MODEL = Path.of("../../models/fashion-mnist-cnn").toAbsolutePath()
            .normalize();
    /** The committed 10,000 test images. */
    public static final Path TEST_SET = MODEL.resolve("test-set");
    /** The deployment package the build lays out. */
    public static final Path PACKAGE = Path.of("target/lambda").toAbsolutePath();

    private static FashionMnist test;

    private TestData() {
    }

    /** @return the test split, read once */
    public static synchronized FashionMnist test() {
        try {
            if (test == null) test = FashionMnist.load(TEST_SET, FashionMnist.Split.TEST);
            return test;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A folder whose "training" files are the test files, so training runs in CI without the
     * 26 MB training set.
     *
     * @param folder an empty folder
     * @return it, filled with links
     */
    public static Path testSetAsTrainingSet(Path folder) throws IOException {
        for (FashionMnist.Split split : FashionMnist.Split.values()) {
            Files.createSymbolicLink(folder.resolve(split.imagesFile()),
                    TEST_SET.resolve(FashionMnist.Split.TEST.imagesFile()));
            Files.createSymbolicLink(folder.resolve(split.labelsFile()),
                    TEST_SET.resolve(FashionMnist.Split.TEST.labelsFile()));
        }
        return folder;
    }
}
