package dev.aiworkbook.functions.image.model;

/**
 * One class the model sees in a picture.
 *
 * @param label the class's name
 * @param index the class's index
 * @param probability its softmax probability, 0..1
 */
public record Prediction(String label, int index, double probability) {
}
