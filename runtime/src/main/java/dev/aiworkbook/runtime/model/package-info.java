/**
 * The math models of chapter 04, as pure functions with validated inputs: Little's law, the
 * cold-start probability under a fixed keep-alive, the expected bill, the break-even rate
 * against an always-on VM, and Erlang C for queueing at the instance limit. Each is checked
 * against the platform on a virtual clock by {@code experiment.MathModelsExperiment}.
 */
package dev.aiworkbook.runtime.model;
