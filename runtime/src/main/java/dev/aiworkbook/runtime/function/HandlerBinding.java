package dev.aiworkbook.runtime.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a handler object into a {@link HandlerCall}, the way the Lambda Java runtime does.
 *
 * <p>Three shapes are accepted: a {@link RequestHandler} (the event is read into its input
 * type with Jackson, the result written back), a {@link RequestStreamHandler} (raw bytes in and
 * out), or any public method named in {@code pkg.Class::method} that takes
 * {@code (input)}, {@code (input, Context)}, {@code (InputStream, OutputStream)} or
 * {@code (InputStream, OutputStream, Context)}.
 */
public final class HandlerBinding {

    private static final byte[] EMPTY = new byte[0];

    private HandlerBinding() {
    }

    /**
     * Binds a handler object.
     *
     * @param handler the handler instance, already constructed
     * @param method the method named after {@code ::}, or {@code null} for the interfaces
     * @return the call
     * @throws IllegalArgumentException if the object has no usable handler method
     */
    public static HandlerCall bind(Object handler, String method) {
        ObjectMapper json = Json.mapper();
        if (method == null || method.equals("handleRequest")) {
            if (handler instanceof RequestStreamHandler stream) return streamCall(stream);
            if (handler instanceof RequestHandler<?, ?> typed) return typedCall(typed, json);
        }
        String name = method == null ? "handleRequest" : method;
        return methodCall(handler, findMethod(handler.getClass(), name), json);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static HandlerCall typedCall(RequestHandler handler, ObjectMapper json) {
        JavaType[] types = json.getTypeFactory().constructType(handler.getClass())
                .findTypeParameters(RequestHandler.class);
        JavaType input = types.length > 0 ? types[0] : json.constructType(Object.class);
        ObjectReader reader = json.readerFor(input);
        ObjectWriter writer = json.writer();
        return (payload, context) -> {
            Object event = read(reader, payload);
            return writer.writeValueAsBytes(handler.handleRequest(event, context));
        };
    }

    private static HandlerCall streamCall(RequestStreamHandler handler) {
        return (payload, context) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(payload), out, context);
            return out.toByteArray();
        };
    }

    private static HandlerCall methodCall(Object handler, Method method, ObjectMapper json) {
        Class<?>[] params = method.getParameterTypes();
        boolean streams = params.length >= 2 && params[0] == InputStream.class
                && params[1] == OutputStream.class;
        boolean withContext = params.length == (streams ? 3 : 2);
        if (streams) {
            return (payload, context) -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Object[] args = withContext
                        ? new Object[] {new ByteArrayInputStream(payload), out, context}
                        : new Object[] {new ByteArrayInputStream(payload), out};
                reflect(method, handler, args);
                return out.toByteArray();
            };
        }
        ObjectReader reader = params.length == 0 ? null
                : json.readerFor(json.constructType(method.getGenericParameterTypes()[0]));
        ObjectWriter writer = json.writer();
        return (payload, context) -> {
            Object[] args = switch (params.length) {
                case 0 -> new Object[0];
                case 1 -> new Object[] {read(reader, payload)};
                default -> new Object[] {read(reader, payload), context};
            };
            Object result = reflect(method, handler, args);
            return method.getReturnType() == void.class ? EMPTY : writer.writeValueAsBytes(result);
        };
    }

    private static Method findMethod(Class<?> type, String name) {
        List<Method> candidates = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name))
                .filter(m -> !m.isBridge() && !Modifier.isStatic(m.getModifiers()))
                .filter(HandlerBinding::hasHandlerShape)
                .toList();
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("handler class " + type.getName()
                    + " has no public method \"" + name + "\" taking (input), (input, Context),"
                    + " (InputStream, OutputStream) or (InputStream, OutputStream, Context)");
        }
        return candidates.stream()
                .max((a, b) -> Integer.compare(a.getParameterCount(), b.getParameterCount()))
                .orElseThrow();
    }

    private static boolean hasHandlerShape(Method m) {
        Class<?>[] p = m.getParameterTypes();
        return switch (p.length) {
            case 0, 1 -> true;
            case 2 -> p[1] == Context.class || (p[0] == InputStream.class
                    && p[1] == OutputStream.class);
            case 3 -> p[0] == InputStream.class && p[1] == OutputStream.class
                    && p[2] == Context.class;
            default -> false;
        };
    }

    private static Object read(ObjectReader reader, byte[] payload) throws EventFormatException {
        if (payload.length == 0) return null;
        try {
            return reader.readValue(payload);
        } catch (JsonProcessingException e) {
            throw new EventFormatException("the event could not be read as "
                    + reader.getValueType().toCanonical() + ": " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new EventFormatException("the event could not be read: " + e.getMessage(), e);
        }
    }

    private static Object reflect(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The event does not fit the handler's input type; Lambda reports this as a function error. */
    public static final class EventFormatException extends RuntimeException {
        EventFormatException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
