var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/health/live", () => Results.Ok(new { status = "live" }));
app.Run();

public partial class Program;
