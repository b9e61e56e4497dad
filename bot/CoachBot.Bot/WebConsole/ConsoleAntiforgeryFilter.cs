using Microsoft.AspNetCore.Antiforgery;

namespace CoachBot.Bot.WebConsole;

// Every console POST carries the form's antiforgery token, so no other site can make a signed-in browser act.
internal sealed class ConsoleAntiforgeryFilter(IAntiforgery antiforgery, ILogger<ConsoleAntiforgeryFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method) && !await antiforgery.IsRequestValidAsync(http))
        {
            ConsoleLog.AntiforgeryRefused(logger, http.Request.Method, http.Request.Path);
            return ConsolePage.Html(ConsoleLayout.Message("Please try again",
                "This form came from an old or foreign page, so the console ignored it. Go back to the console, reload the page and try again."), 400);
        }

        return await next(context);
    }
}
