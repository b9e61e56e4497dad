using CoachBot.Platforms.Teams;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Teams;

/// <summary>Reads the body within the size limit (else 413) and parses it as an activity with a type (else 400).</summary>
internal sealed class ActivityBodyFilter(IOptions<TeamsOptions> teams) : IEndpointFilter
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

        if (ActivityRequest.TryParse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is not { } activity)
        {
            return TypedResults.BadRequest();
        }

        http.SetActivity(activity);
        return await next(context);
    }
}
