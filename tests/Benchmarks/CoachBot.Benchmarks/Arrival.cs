namespace CoachBot.Benchmarks;

/// <summary>
/// When a request reached the fake, stamped by the first middleware: the caps judge arrival, not the moment the
/// handler got round to it after reading and parsing the body (which, on a busy 2-core host, bunches requests that
/// arrived evenly and turns the measuring instrument into a source of 429s).
/// </summary>
internal static class Arrival
{
    private const string Key = "benchmark.arrival";

    public static void Stamp(WebApplication app) => app.Use((context, next) =>
    {
        context.Items[Key] = DateTime.UtcNow.Ticks;
        return next(context);
    });

    public static long Of(HttpContext context) => context.Items[Key] is long ticks ? ticks : DateTime.UtcNow.Ticks;

    /// <summary>Runs Kestrel's and the handlers' first-call paths (JIT) before any worker starts.</summary>
    public static void MapWarmUp(WebApplication app) => app.MapPost("/warm-up", async (HttpRequest request) =>
    {
        await System.Text.Json.Nodes.JsonNode.ParseAsync(request.Body);
        return Results.Json(new { ok = true });
    });

    public static async Task WarmUpAsync(string baseUrl)
    {
        using var http = new HttpClient();
        await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            http.PostAsync($"{baseUrl}/warm-up", new StringContent($$"""{"type":"message","n":{{i}}}""", System.Text.Encoding.UTF8, "application/json"))));
    }
}
