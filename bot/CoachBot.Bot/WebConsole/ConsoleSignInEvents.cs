using System.Security.Claims;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace CoachBot.Bot.WebConsole;

/// <summary>
/// Turns a provider's proof of identity into CoachBot's own: the person found in the roster by platform ids, or the
/// not-on-roster page. The cookie keeps only the person's id; the role is read from the roster on every request.
/// </summary>
internal sealed class ConsoleSignInEvents(PersonDirectory people, AdminBootstrap admins, ILogger<ConsoleSignInEvents> logger) : OpenIdConnectEvents
{
    public override Task TokenResponseReceived(TokenResponseReceivedContext context)
    {
        // Slack answers a bad code with HTTP 200 {"ok":false}; the stock handler would fail later with a vague IDX error.
        if (context.Scheme.Name == ConsoleSchemes.Slack && string.Equals(context.TokenEndpointResponse.GetParameter("ok"), "false", StringComparison.OrdinalIgnoreCase))
        {
            var error = context.TokenEndpointResponse.GetParameter("error") ?? "unknown";
            ConsoleLog.SlackTokenRefused(logger, error);
            context.Fail($"Slack refused the sign-in code ({error}).");
        }

        return Task.CompletedTask;
    }

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        var identity = context.Principal!;
        var key = KeyOf(context.Scheme.Name, identity);
        var person = key is null ? null : await people.FindAsync(key, context.HttpContext.RequestAborted);
        if (person is null)
        {
            ConsoleLog.NotOnRoster(logger, context.Scheme.Name, key?.WorkspaceId ?? "(none)");
            context.HandleResponse();
            context.Response.Redirect(ConsolePaths.NotOnRoster);
            return;
        }

        // The configured first admins are admins from their first contact, and signing in is one.
        person = await admins.ApplyAsync(person, context.HttpContext.RequestAborted);
        ConsoleLog.SignedIn(logger, context.Scheme.Name, person.Id, person.Role.ToString());
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ConsoleViewers.PersonIdClaim, person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            context.Scheme.Name));
    }

    public override Task RemoteFailure(RemoteFailureContext context)
    {
        // The exception's type and the provider's error code only: IdentityModel messages can quote token parts.
        var failure = context.Failure switch
        {
            Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectProtocolException { Data: var data } ex when data["error"] is { } error => $"{ex.GetType().Name} ({error})",
            { } ex => ex.GetType().Name + (ex.InnerException is { } inner ? $" ({inner.GetType().Name})" : ""),
            null => "unknown",
        };
        ConsoleLog.SignInFailed(logger, context.Scheme.Name, failure);
        context.HandleResponse();
        context.Response.Redirect(ConsolePaths.SignInFailed);
        return Task.CompletedTask;
    }

    internal static PersonKey? KeyOf(string scheme, ClaimsPrincipal identity)
    {
        string? Claim(string type) => identity.FindFirst(type)?.Value is { Length: > 0 } value ? value : null;
        return scheme == ConsoleSchemes.Slack
            ? Claim("https://slack.com/team_id") is { } team && Claim("sub") is { } user ? new PersonKey(ChatPlatform.Slack, team, user) : null
            // Entra's oid is the object id Teams sends as aadObjectId; sub is pairwise and would match nobody.
            : Claim("tid") is { } tenant && Claim("oid") is { } oid ? new PersonKey(ChatPlatform.Teams, tenant, oid) : null;
    }
}
