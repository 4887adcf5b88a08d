using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using JasperFx.Events;

namespace HccPathway.ServiceDefaults.EventStore;

/// <summary>
/// Folds events into an aggregate through the aggregate's own <c>Apply</c> methods, the ones Marten's live aggregation
/// calls when it rebuilds the aggregate from the stream. So an aggregate's fold is written once, and the events a
/// decider is about to append, or an inline projection folds, go through exactly the same code as a replay. An event
/// type the aggregate has no <c>Apply</c> method for leaves it as it is, as in Marten.
/// </summary>
public static class AggregateFold<TState>
    where TState : class
{
    private static readonly ConcurrentDictionary<Type, Func<TState, object, TState>?> ByEventType = new();

    /// <summary>The state after <paramref name="event"/>: a stored <see cref="IEvent"/>, or the data of one about to be appended.</summary>
    public static TState Apply(TState state, object @event)
    {
        var type = @event is IEvent stored ? stored.EventType : @event.GetType();
        return ByEventType.GetOrAdd(type, Compile) is { } apply ? apply(state, @event) : state;
    }

    public static TState Apply(TState state, IEnumerable<object> events) => events.Aggregate(state, Apply);

    private static Func<TState, object, TState>? Compile(Type eventType)
    {
        var applies = typeof(TState).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name == "Apply" && m.ReturnType == typeof(TState) && m.GetParameters().Length == 1)
            .ToArray();
        var state = Expression.Parameter(typeof(TState), "state");
        var @event = Expression.Parameter(typeof(object), "event");

        if (applies.FirstOrDefault(m => m.GetParameters()[0].ParameterType == eventType) is { } onData)
        {
            // Given a stored event, its data; given data, the data itself.
            var data = Expression.Condition(
                Expression.TypeIs(@event, typeof(IEvent)),
                Expression.Property(Expression.Convert(@event, typeof(IEvent)), nameof(IEvent.Data)),
                @event);
            return Expression.Lambda<Func<TState, object, TState>>(
                Expression.Call(state, onData, Expression.Convert(data, eventType)), state, @event).Compile();
        }

        var storedType = typeof(IEvent<>).MakeGenericType(eventType);
        if (applies.FirstOrDefault(m => m.GetParameters()[0].ParameterType == storedType) is { } onStored)
        {
            // This Apply needs the stored event (its id or metadata): data alone cannot be folded into it.
            var fold = Expression.Lambda<Func<TState, object, TState>>(
                Expression.Call(state, onStored, Expression.Convert(@event, storedType)), state, @event).Compile();
            return (s, e) => e is IEvent
                ? fold(s, e)
                : throw new InvalidOperationException(
                    $"{typeof(TState).Name} folds {eventType.Name} from the stored event only (Apply(IEvent<{eventType.Name}>)).");
        }

        return null;
    }
}
