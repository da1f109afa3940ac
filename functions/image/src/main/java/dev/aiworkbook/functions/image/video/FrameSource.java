package dev.aiworkbook.functions.image.video;

/**
 * A bounded, replayable source of video frames (chapter 06): a generated camera feed, or a
 * folder of pictures. Frame {@code i} is the same every time it is asked for, so a run can be
 * repeated and a test can check one frame alone.
 */
public interface FrameSource {

    /** @return how many frames there are */
    int frames();

    /**
     * @param index which frame, 0 to {@code frames() - 1}
     * @return the frame
     * @throws IndexOutOfBoundsException if the index is outside that range
     */
    Frame frame(int index);

    /** @return one line saying what the source is */
    String describe();
}
