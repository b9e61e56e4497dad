namespace CoachBot.Bot.Hosting;

/// <summary>
/// A body that breaks HTTP framing (bad chunking, over Kestrel's limits, too slow) surfaces as BadHttpRequestException
/// wherever it is read. It is the caller's fault, not ours: answer its status (400, 408, 413) with one line, no stack,
/// so anyone sending junk cannot fill the log with "fail" entries.
/// </summary>
internal sealed partial class RejectedRequestMiddleware(RequestDelegate next, ILogger<RejectedRequestMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            LogRejected(logger, context.Request.Method, context.Request.Path, ex.StatusCode, ex.Message);
            context.Response.Clear();
            context.Response.StatusCode = ex.StatusCode;
        }
    }

    // The message names the framing problem ("Bad chunk size data"), never the body.
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Rejected {Method} {Path} with {StatusCode}: {Problem}")]
    private static partial void LogRejected(ILogger logger, string method, PathString path, int statusCode, string problem);
}

public static class RejectedRequestRegistration
{
    /// <summary>Before the endpoints, so every body read (Slack, Teams, the dashboard) is covered.</summary>
    public static WebApplication UseRejectedRequests(this WebApplication app)
    {
        app.UseMiddleware<RejectedRequestMiddleware>();
        return app;
    }
}
