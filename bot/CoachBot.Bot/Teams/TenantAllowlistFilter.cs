using CoachBot.Platforms.Teams;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Teams;

/// <summary>With Teams:AllowedTenants set, activities from any other tenant are refused before anything is stored.</summary>
internal sealed class TenantAllowlistFilter(IOptions<TeamsOptions> teams, ILogger<TenantAllowlistFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var allowed = teams.Value.AllowedTenants;
        var tenant = context.HttpContext.GetActivity().TenantId();
        if (allowed.Count > 0 && (tenant is null || !allowed.Contains(tenant, StringComparer.OrdinalIgnoreCase)))
        {
            Log.TenantRefused(logger, tenant ?? "(none)");
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }
}
