using System.Net;

namespace CoachBot.Bot.Demo;

// The demo endpoints are unsigned by design, so only this machine may call them (the local workspace runs beside CoachBot).
internal sealed class LoopbackOnlyFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var remote = context.HttpContext.Connection.RemoteIpAddress;
        var isLoopback = remote is not null && IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);
        return isLoopback
            ? next(context)
            : ValueTask.FromResult<object?>(TypedResults.Problem("The demo endpoints answer loopback callers only.", statusCode: StatusCodes.Status403Forbidden));
    }
}
