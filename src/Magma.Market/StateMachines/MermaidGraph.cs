using System.Text;

namespace Magma.Market.StateMachines;

/// <summary>Writes a machine's definition as a Mermaid state diagram, in a stable order so a golden file can pin it.</summary>
public static class MermaidGraph
{
    public static string Format<TState, TTrigger>(StateMachine<TState, TTrigger> machine, TState initial, IEnumerable<TState> terminals, Func<Enum, string>? name = null)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        name ??= value => value.ToString();
        var builder = new StringBuilder();
        builder.Append("stateDiagram-v2\n");
        builder.Append($"    [*] --> {name(initial)}\n");
        foreach (var (from, rule) in machine.Describe().OrderBy(x => Convert.ToInt32(x.From)).ThenBy(x => Convert.ToInt32(x.Rule.Trigger)).ThenBy(x => Convert.ToInt32(x.Rule.Destination)))
        {
            var label = rule.GuardDescription is null ? name(rule.Trigger) : $"{name(rule.Trigger)} [{rule.GuardDescription}]";
            builder.Append($"    {name(from)} --> {name(rule.Destination)} : {label}\n");
        }
        foreach (var terminal in terminals.OrderBy(t => Convert.ToInt32(t)))
            builder.Append($"    {name(terminal)} --> [*]\n");
        return builder.ToString();
    }
}
