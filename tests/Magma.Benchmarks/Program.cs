using Magma.Benchmarks;

return await BenchmarkRunner.Run(args);
