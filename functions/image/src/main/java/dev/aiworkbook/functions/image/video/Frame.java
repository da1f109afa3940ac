package dev.aiworkbook.functions.image.video;

import dev.aiworkbook.functions.image.data.FashionMnist;
import java.util.Optional;

/**
 * One frame of a video stream (chapter 06): the encoded picture, and the garment it shows
 * when that is known.
 *
 * @param index the frame's position in the stream, from 0
 * @param bytes the picture, PNG or JPEG as sent to the prediction function
 * @param format {@code "PNG"} or {@code "JPEG"}
 * @param label the Fashion-MNIST class index 0..9 it shows, or -1 when unknown
 * @param name where it came from: a file name, or a generated frame's description
 */
public record Frame(int index, byte[] bytes, String format, int label, String name) {

    public Frame {
        if (index < 0) throw new IllegalArgumentException("index must be 0 or more, was: " + index);
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("frame " + index + " (" + name + ") has no bytes");
        }
        if (label < -1 || label >= FashionMnist.LABELS.size()) {
            throw new IllegalArgumentException("label must be -1 (unknown) or 0..9, was: " + label);
        }
    }

    /** @return the true class name, as the prediction function answers it, if known */
    public Optional<String> labelName() {
        return label < 0 ? Optional.empty() : Optional.of(FashionMnist.LABELS.get(label));
    }
}
