namespace Magma.Market.StateMachines;

/// <summary>
/// A small state machine in the vocabulary of the Stateless library: <c>Configure(state).Permit(trigger, to)</c>,
/// <c>PermitIf</c> with a described guard, <c>OnEntry</c>, <c>CanFire</c>, <c>PermittedTriggers</c> and a Mermaid
/// export. The state is stored outside (on the entity) and read and written through accessors, so a machine is
/// built fresh for each operation and holds nothing between them.
/// </summary>
public sealed class StateMachine<TState, TTrigger>(Func<TState> read, Action<TState> write)
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly Dictionary<TState, StateConfiguration<TState, TTrigger>> _states = new();
    private readonly List<Action<Transition<TState, TTrigger>>> _onTransitioned = [];

    public TState State => read();

    public StateConfiguration<TState, TTrigger> Configure(TState state)
    {
        if (!_states.TryGetValue(state, out var configuration))
            _states[state] = configuration = new StateConfiguration<TState, TTrigger>(state);
        return configuration;
    }

    public void OnTransitioned(Action<Transition<TState, TTrigger>> action) => _onTransitioned.Add(action);

    public bool CanFire(TTrigger trigger) => Find(read(), trigger) is not null;

    /// <summary>Triggers that some permitted transition (guard satisfied) accepts in the current state.</summary>
    public IReadOnlyList<TTrigger> PermittedTriggers =>
        _states.TryGetValue(read(), out var state)
            ? state.Transitions.Where(t => t.Guard()).Select(t => t.Trigger).Distinct().ToList()
            : [];

    /// <summary>Moves to the permitted destination and runs its entry actions; an unpermitted trigger throws.</summary>
    public Transition<TState, TTrigger> Fire(TTrigger trigger)
    {
        var source = read();
        var rule = Find(source, trigger) ?? throw new InvalidTransitionException<TState, TTrigger>(source, trigger, DescribeGuards(source, trigger));
        var transition = new Transition<TState, TTrigger>(source, rule.Destination, trigger);
        write(rule.Destination);
        if (_states.TryGetValue(rule.Destination, out var destination))
            foreach (var action in destination.EntryActions)
                action(transition);
        foreach (var action in _onTransitioned)
            action(transition);
        return transition;
    }

    /// <summary>Every configured transition, for diagrams and documentation.</summary>
    public IEnumerable<(TState From, TransitionRule<TState, TTrigger> Rule)> Describe() =>
        _states.Values.SelectMany(s => s.Transitions.Select(t => (s.State, t)));

    public IReadOnlyCollection<TState> ConfiguredStates => _states.Keys;

    private TransitionRule<TState, TTrigger>? Find(TState state, TTrigger trigger)
    {
        if (!_states.TryGetValue(state, out var configuration))
            return null;
        var candidates = configuration.Transitions.Where(t => EqualityComparer<TTrigger>.Default.Equals(t.Trigger, trigger) && t.Guard()).ToList();
        if (candidates.Count > 1)
            throw new InvalidOperationException($"Guards for {trigger} in {state} are not mutually exclusive.");
        return candidates.SingleOrDefault();
    }

    private string? DescribeGuards(TState state, TTrigger trigger) =>
        _states.TryGetValue(state, out var configuration)
            ? string.Join(", ", configuration.Transitions.Where(t => EqualityComparer<TTrigger>.Default.Equals(t.Trigger, trigger) && t.GuardDescription is not null).Select(t => t.GuardDescription))
            : null;
}
