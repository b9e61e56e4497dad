using CoachBot.Platforms.Teams;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Teams;

/// <summary>Reads the body within the size limit (else 413) and reads it as a well-formed activity (else 400, see <see cref="ActivityReader"/>).</summary>
internal sealed class ActivityBodyFilter(IOptions<TeamsOptions> teams, ILogger<ActivityBodyFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var limit = teams.Value.MaxActivityBytes;
        if (http.Request.ContentLength > limit)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        if (ActivityReader.Read(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), out var problem) is not { } activity)
        {
            Log.MalformedActivity(logger, problem); // what was wrong, never the content; no stack, anyone can send these
            return TypedResults.BadRequest();
        }

        http.SetActivity(activity);
        return await next(context);
    }
}
