using Magma.GraphQL.Execution;
using Magma.GraphQL.Schema;
using Magma.GraphQL.Tests.Support;

namespace Magma.GraphQL.Tests.Execution;

public class MutationExecutionTests
{
    [Fact]
    public async Task RunsMutationRootFieldsOneAfterAnother()
    {
        var journal = new List<string>();
        var executor = Library.Executor(new GraphQLOptions { ParallelQueries = true }, journal);

        var response = await Run.Json(executor, """mutation { one: append(value: "1") two: append(value: "2") three: append(value: "3") }""");

        Assert.Equal("""{"data":{"one":["1"],"two":["1","2"],"three":["1","2","3"]}}""", Run.Compact(response));
    }

    [Fact]
    public async Task NeverStartsTheNextMutationFieldBeforeThePreviousFinished()
    {
        var running = 0;
        var overlapped = false;
        var schema = new SchemaBuilder()
            .AddSdl("type Query { a: Int } type Mutation { step: Int }")
            .Resolve("Mutation.step", async _ =>
            {
                overlapped |= Interlocked.Increment(ref running) > 1;
                await Task.Delay(5);
                Interlocked.Decrement(ref running);
                return 1;
            })
            .Build();

        await new GraphQLExecutor(schema).ExecuteAsync(new GraphQLRequest("mutation { a: step b: step c: step }"));

        Assert.False(overlapped);
    }
}
