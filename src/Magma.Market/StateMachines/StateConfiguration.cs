namespace Magma.Market.StateMachines;

public sealed class StateConfiguration<TState, TTrigger>(TState state)
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly List<TransitionRule<TState, TTrigger>> _transitions = [];
    private readonly List<Action<Transition<TState, TTrigger>>> _entryActions = [];

    public TState State { get; } = state;

    internal IReadOnlyList<TransitionRule<TState, TTrigger>> Transitions => _transitions;

    internal IReadOnlyList<Action<Transition<TState, TTrigger>>> EntryActions => _entryActions;

    public StateConfiguration<TState, TTrigger> Permit(TTrigger trigger, TState destination)
    {
        _transitions.Add(new TransitionRule<TState, TTrigger>(trigger, destination, () => true, null));
        return this;
    }

    /// <summary>A transition taken only when the guard holds; the description names it in diagrams and errors.</summary>
    public StateConfiguration<TState, TTrigger> PermitIf(TTrigger trigger, TState destination, Func<bool> guard, string guardDescription)
    {
        _transitions.Add(new TransitionRule<TState, TTrigger>(trigger, destination, guard, guardDescription));
        return this;
    }

    public StateConfiguration<TState, TTrigger> OnEntry(Action<Transition<TState, TTrigger>> action)
    {
        _entryActions.Add(action);
        return this;
    }
}

public sealed record TransitionRule<TState, TTrigger>(TTrigger Trigger, TState Destination, Func<bool> Guard, string? GuardDescription);

public sealed record Transition<TState, TTrigger>(TState Source, TState Destination, TTrigger Trigger);

/// <summary>A trigger fired in a state that does not permit it: a stable, catchable domain error.</summary>
public sealed class InvalidTransitionException<TState, TTrigger>(TState state, TTrigger trigger, string? unmetGuards)
    : Exception($"{trigger} is not permitted in {state}" + (string.IsNullOrEmpty(unmetGuards) ? "." : $" (requires: {unmetGuards})."))
{
    public TState State { get; } = state;

    public TTrigger Trigger { get; } = trigger;
}
