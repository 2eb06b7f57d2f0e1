using Magma.Market.StateMachines;

namespace Magma.Market.Tests.StateMachines;

public sealed class StateMachineTests
{
    private enum Door { Closed, Open, Locked }

    private enum Action { OpenIt, CloseIt, LockIt, UnlockIt }

    private sealed class Room
    {
        public Door State { get; set; } = Door.Closed;
        public bool HasKey { get; set; }
        public List<string> Log { get; } = [];
    }

    private static StateMachine<Door, Action> Machine(Room room)
    {
        var machine = new StateMachine<Door, Action>(() => room.State, s => room.State = s);
        machine.Configure(Door.Closed)
            .Permit(Action.OpenIt, Door.Open)
            .PermitIf(Action.LockIt, Door.Locked, () => room.HasKey, "has key");
        machine.Configure(Door.Open).Permit(Action.CloseIt, Door.Closed).OnEntry(t => room.Log.Add($"opened by {t.Trigger}"));
        machine.Configure(Door.Locked).PermitIf(Action.UnlockIt, Door.Closed, () => room.HasKey, "has key");
        return machine;
    }

    [Fact]
    public void FiringAPermittedTriggerMovesTheExternallyStoredStateAndRunsEntryActions()
    {
        var room = new Room();

        var transition = Machine(room).Fire(Action.OpenIt);

        Assert.Equal(Door.Open, room.State);
        Assert.Equal(new Transition<Door, Action>(Door.Closed, Door.Open, Action.OpenIt), transition);
        Assert.Equal(["opened by OpenIt"], room.Log);
    }

    [Fact]
    public void AGuardDecidesWhetherATriggerIsPermitted()
    {
        var room = new Room();
        var machine = Machine(room);

        Assert.False(machine.CanFire(Action.LockIt));
        Assert.Equal([Action.OpenIt], machine.PermittedTriggers);
        room.HasKey = true;
        Assert.True(machine.CanFire(Action.LockIt));
        Assert.Equal([Action.OpenIt, Action.LockIt], machine.PermittedTriggers);
    }

    [Fact]
    public void AnUnpermittedTriggerThrowsADedicatedExceptionAndChangesNothing()
    {
        var room = new Room();

        var error = Assert.Throws<InvalidTransitionException<Door, Action>>(() => Machine(room).Fire(Action.LockIt));

        Assert.Equal(Door.Closed, room.State);
        Assert.Equal(Door.Closed, error.State);
        Assert.Equal(Action.LockIt, error.Trigger);
        Assert.Contains("has key", error.Message);
    }

    [Fact]
    public void MachinesHoldNoStateOfTheirOwn()
    {
        var room = new Room();
        Machine(room).Fire(Action.OpenIt);

        var fresh = Machine(room);

        Assert.Equal(Door.Open, fresh.State);
        Assert.True(fresh.CanFire(Action.CloseIt));
    }

    [Fact]
    public void TheMermaidExportListsEveryTransitionWithItsGuard()
    {
        var mermaid = MermaidGraph.Format(Machine(new Room()), Door.Closed, [Door.Locked]);

        Assert.Equal(
            "stateDiagram-v2\n" +
            "    [*] --> Closed\n" +
            "    Closed --> Open : OpenIt\n" +
            "    Closed --> Locked : LockIt [has key]\n" +
            "    Open --> Closed : CloseIt\n" +
            "    Locked --> Closed : UnlockIt [has key]\n" +
            "    Locked --> [*]\n", mermaid);
    }
}
