using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CoachBot.LocalWorkspace.State;

/// <summary>The emulator's own base URL (for response_url and auth.test), read from the bound addresses so port 0 works.</summary>
public sealed class SelfUrl(IServer server)
{
    public Uri Value
    {
        get
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? WorkspaceApp.DefaultUrl;
            return new Uri(address.Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "127.0.0.1").Replace("//+", "//127.0.0.1").Replace("//*", "//127.0.0.1").TrimEnd('/') + "/");
        }
    }
}
