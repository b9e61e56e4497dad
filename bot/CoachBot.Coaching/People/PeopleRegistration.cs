using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Coaching.People;

public static class PeopleRegistration
{
    /// <summary>
    /// The <see cref="PersonDirectory"/> with its <see cref="PeopleCache"/>. Expects an NpgsqlDataSource; every feature that
    /// looks people up calls this. The cache stays off unless the host runs <see cref="PeopleCacheFeed"/>.
    /// </summary>
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PeopleCache>();
        services.TryAddSingleton<PeopleCacheFeed>();
        services.TryAddSingleton<PersonDirectory>();
        return services;
    }
}
