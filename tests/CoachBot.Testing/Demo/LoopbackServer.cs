using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Testing.Demo;

public static class LoopbackServer
{
    /// <summary>Runs the CoachBot host on real Kestrel at 127.0.0.1 (a free port) and returns its base URL.</summary>
    public static Uri StartOnLoopback(this CoachBotApplication application)
    {
        application.WithSetting("Urls", "http://127.0.0.1:0");
        application.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        application.StartServer();
        var address = application.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.TrimEnd('/') + "/");
    }
}
