# Build with the .NET 10 SDK, run on the ASP.NET 10 runtime.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props Magma.sln appsettings.Development.json ./
COPY src/ src/
# Magma.Api embeds lsp-spec/openapi.json (served at /openapi/lsps1.json) and links the root development settings.
COPY lsp-spec/ lsp-spec/
RUN dotnet publish src/Magma.Api/Magma.Api.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# One port; the SQLite database (and Simnet's state with it) lives in the /data volume.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__Magma="Data Source=/data/magma.db"
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "Magma.Api.dll"]
