using Magma.GraphQL.Execution.Coercion;
using Magma.GraphQL.Language.Ast;
using Magma.GraphQL.Schema;

namespace Magma.GraphQL.Execution;

// One response key of a selection plan: the merged field nodes, the schema field, arguments coerced once when
// they use no variables, and caches for child plans and the default property getter.
internal sealed class PlannedField
{
    private readonly Lock _childLock = new();
    private Dictionary<ObjectType, SelectionPlan>? _childPlans;
    private ChildPlanSlot? _lastChildPlan;
    private IReadOnlyList<string>? _selectedNames;

    public PlannedField(string responseName, ObjectType parentType, FieldDefinition definition, FieldNode node)
    {
        ResponseName = responseName;
        ParentType = parentType;
        Definition = definition;
        Nodes = [node];
        ArgumentsUseVariables = ArgumentValues.UseVariables(node.Arguments);
        if (!ArgumentsUseVariables)
            StaticArguments = ArgumentValues.Coerce(definition.Arguments, node.Arguments, ArgumentValues.None, out StaticArgumentError);
    }

    public string ResponseName { get; }

    public ObjectType ParentType { get; }

    public FieldDefinition Definition { get; }

    public List<FieldNode> Nodes { get; }

    public FieldNode Node => Nodes[0];

    public bool ArgumentsUseVariables { get; }

    public readonly IReadOnlyDictionary<string, object?>? StaticArguments;

    public readonly string? StaticArgumentError;

    // Monomorphic cache of the last CLR type's getter (default resolution).
    public ClrGetter? LastGetter { get; set; }

    public SelectionPlan ChildPlan(ObjectType type, OperationContext context)
    {
        var last = _lastChildPlan;
        if (last is not null && last.Type == type)
            return last.Plan;
        lock (_childLock)
        {
            _childPlans ??= [];
            if (!_childPlans.TryGetValue(type, out var plan))
                _childPlans[type] = plan = FieldCollector.Collect(context, type, Nodes.Select(n => n.SelectionSet!));
            _lastChildPlan = new ChildPlanSlot(type, plan);
            return plan;
        }
    }

    public IReadOnlyList<string> SelectedNames(OperationContext context) =>
        _selectedNames ??= SelectedFieldNames.Of(Nodes, context.Document);
}

// The child plan used last, read without locking (the reference swap is atomic).
internal sealed record ChildPlanSlot(ObjectType Type, SelectionPlan Plan);

// A compiled property getter remembered for one CLR type.
internal sealed record ClrGetter(Type Type, Func<object, object?> Get);
