package dev.aiworkbook.runtime.instance;

/** The life of one instance: it initialises once, serves many invocations, then goes. */
public enum InstanceState {
    /** Running the handler's initialisation: class loading, static initialisers, constructor. */
    INITIALIZING,
    /** Initialised and serving nothing: the next invocation is a warm start. */
    IDLE,
    /** Serving at least one invocation. */
    BUSY,
    /** Closed: kept-alive time ran out, it timed out, or its version was drained. */
    RECLAIMED
}
