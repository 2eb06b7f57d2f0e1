using Magma.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddMagma();

var app = builder.Build();
app.UseMagma();

await app.InitializeMagma();
await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
