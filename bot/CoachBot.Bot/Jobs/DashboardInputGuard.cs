using System.Globalization;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace CoachBot.Bot.Jobs;

/// <summary>
/// Wraps the Hangfire dashboard endpoint. Hangfire throws (and the app answered 500) on a job id beyond Int64, a POST
/// body that is not a readable form, or <c>jobs[]=bogus</c>; this checks what its routes accept first and answers
/// 404/413/415/400 with a short text and one Information line. Only for callers who passed the key check.
/// </summary>
internal sealed partial class DashboardInputGuard(JobStorage storage, DashboardOptions options, ILogger<DashboardInputGuard> logger)
{
    private const long MaxFormBytes = 64 * 1024; // a page of 500 selected jobs is about 13 KB
    private const string JobsField = "jobs[]";

    // Hangfire's routes (DashboardRoutes) that take a background job id: in the path, or as jobs[] in a batch command.
    private static readonly Regex JobIdInPath = new("^/jobs/(details|actions/requeue|actions/delete)/(?<id>.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex JobBatch = new("^/jobs/[a-z]+/[a-z]+$", RegexOptions.CultureInvariant);

    public async Task InvokeAsync(HttpContext http, RequestDelegate hangfire)
    {
        // Hangfire runs the key filter and answers 401 itself: a caller without the key never gets anything parsed.
        if (!await IsAuthorizedAsync(http))
        {
            await hangfire(http);
            return;
        }

        var path = http.Request.Path.StartsWithSegments(DashboardEndpoints.Path, out var rest) ? rest.Value ?? "" : "";
        if ((RefusePath(path) ?? await RefuseFormAsync(http, path)) is { } refusal)
        {
            await RefuseAsync(http, refusal, "checked");
            return;
        }

        try
        {
            await hangfire(http);
        }
        catch (Exception ex) when (CausedByInput(ex) is { } cause && !http.Response.HasStarted)
        {
            // A backstop for input the checks above do not foresee; anything else stays a 500 with its stack.
            await RefuseAsync(http, new(StatusCodes.Status400BadRequest, "The dashboard could not read this request."), cause);
        }
    }

    private async Task<bool> IsAuthorizedAsync(HttpContext http)
    {
        var context = new AspNetCoreDashboardContext(storage, options, http);
        foreach (var filter in options.Authorization)
        {
            if (!filter.Authorize(context))
            {
                return false;
            }
        }

        foreach (var filter in options.AsyncAuthorization)
        {
            if (!await filter.AuthorizeAsync(context))
            {
                return false;
            }
        }

        return true;
    }

    private static Refusal? RefusePath(string path) =>
        JobIdInPath.Match(path) is { Success: true } match && !IsJobId(match.Groups["id"].Value)
            ? new(StatusCodes.Status404NotFound, "No such job.")
            : null;

    private static async Task<Refusal?> RefuseFormAsync(HttpContext http, string path)
    {
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method) || (request.ContentType is null && request.ContentLength == 0))
        {
            return null; // Hangfire's buttons without data post no body and no content type
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return new(StatusCodes.Status415UnsupportedMediaType, "The dashboard takes application/x-www-form-urlencoded forms only.");
        }

        if (request.ContentLength > MaxFormBytes)
        {
            return new(StatusCodes.Status413PayloadTooLarge, "This form is too large.");
        }

        // Chunked bodies have no length to check up front: Kestrel stops reading at the limit with a 413.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxFormBytes;
        }

        IFormCollection form;
        try
        {
            // Cached, so Hangfire's own read gets this form. Escapes of invalid UTF-8 stay literal text ("%FF"); a NUL throws.
            form = await request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return new(StatusCodes.Status400BadRequest, "This form could not be read: it has a NUL, or too many or too long fields.");
        }
        catch (BadHttpRequestException ex)
        {
            return new(ex.StatusCode, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "This form is too large." : "This form could not be read.");
        }

        return JobBatch.IsMatch(path) && !form[JobsField].All(IsJobId)
            ? new(StatusCodes.Status400BadRequest, "Job ids are whole numbers.")
            : null;
    }

    private static bool IsJobId(string? id) => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0;

    private static string? CausedByInput(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is FormatException or OverflowException or InvalidDataException or BadHttpRequestException)
            {
                return ex.GetType().Name;
            }
        }

        return null;
    }

    private async Task RefuseAsync(HttpContext http, Refusal refusal, string how)
    {
        LogRefused(logger, http.Request.Method, refusal.Status, refusal.Message, how);
        http.Response.Clear();
        http.Response.StatusCode = refusal.Status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(refusal.Message, http.RequestAborted);
    }

    private readonly record struct Refusal(int Status, string Message);

    // No path or body: a refused path may be kilobytes of junk.
    [LoggerMessage(EventId = 4051, Level = LogLevel.Information, Message = "Refused a Hangfire dashboard {Method} with {StatusCode} ({Reason}; {How})")]
    private static partial void LogRefused(ILogger logger, string method, int statusCode, string reason, string how);
}
