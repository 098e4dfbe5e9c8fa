namespace AwsCore.Runtime;

/// <summary>
/// botocore's EVENT_ALIASES: older names of services in event names (endpoint prefixes and former ids) and the
/// hyphenated serviceId they stand for, so "before-call.autoscaling" reaches Auto Scaling ("auto-scaling").
/// Applied to every name registered or emitted, as botocore's EventAliaser does.
/// </summary>
internal static class EventAliases
{
    /// <summary>In botocore's order: the first alias found in a name is the only one applied.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> All = new KeyValuePair<string, string>[]
    {
        new("api.mediatailor", "mediatailor"),
        new("api.pricing", "pricing"),
        new("api.sagemaker", "sagemaker"),
        new("apigateway", "api-gateway"),
        new("application-autoscaling", "application-auto-scaling"),
        new("appstream2", "appstream"),
        new("autoscaling", "auto-scaling"),
        new("autoscaling-plans", "auto-scaling-plans"),
        new("ce", "cost-explorer"),
        new("cloudhsmv2", "cloudhsm-v2"),
        new("cloudsearchdomain", "cloudsearch-domain"),
        new("cognito-idp", "cognito-identity-provider"),
        new("config", "config-service"),
        new("cur", "cost-and-usage-report-service"),
        new("data.iot", "iot-data-plane"),
        new("data.jobs.iot", "iot-jobs-data-plane"),
        new("data.mediastore", "mediastore-data"),
        new("datapipeline", "data-pipeline"),
        new("devicefarm", "device-farm"),
        new("directconnect", "direct-connect"),
        new("discovery", "application-discovery-service"),
        new("dms", "database-migration-service"),
        new("ds", "directory-service"),
        new("dynamodbstreams", "dynamodb-streams"),
        new("elasticbeanstalk", "elastic-beanstalk"),
        new("elasticfilesystem", "efs"),
        new("elasticloadbalancing", "elastic-load-balancing"),
        new("elasticmapreduce", "emr"),
        new("elb", "elastic-load-balancing"),
        new("elbv2", "elastic-load-balancing-v2"),
        new("email", "ses"),
        new("entitlement.marketplace", "marketplace-entitlement-service"),
        new("es", "elasticsearch-service"),
        new("events", "eventbridge"),
        new("cloudwatch-events", "eventbridge"),
        new("iot-data", "iot-data-plane"),
        new("iot-jobs-data", "iot-jobs-data-plane"),
        new("kinesisanalytics", "kinesis-analytics"),
        new("kinesisvideo", "kinesis-video"),
        new("lex-models", "lex-model-building-service"),
        new("lex-runtime", "lex-runtime-service"),
        new("logs", "cloudwatch-logs"),
        new("machinelearning", "machine-learning"),
        new("marketplace-entitlement", "marketplace-entitlement-service"),
        new("marketplacecommerceanalytics", "marketplace-commerce-analytics"),
        new("metering.marketplace", "marketplace-metering"),
        new("meteringmarketplace", "marketplace-metering"),
        new("mgh", "migration-hub"),
        new("models.lex", "lex-model-building-service"),
        new("monitoring", "cloudwatch"),
        new("mturk-requester", "mturk"),
        new("resourcegroupstaggingapi", "resource-groups-tagging-api"),
        new("route53", "route-53"),
        new("route53domains", "route-53-domains"),
        new("runtime.lex", "lex-runtime-service"),
        new("runtime.sagemaker", "sagemaker-runtime"),
        new("sdb", "simpledb"),
        new("secretsmanager", "secrets-manager"),
        new("serverlessrepo", "serverlessapplicationrepository"),
        new("servicecatalog", "service-catalog"),
        new("states", "sfn"),
        new("stepfunctions", "sfn"),
        new("storagegateway", "storage-gateway"),
        new("streams.dynamodb", "dynamodb-streams"),
        new("tagging", "resource-groups-tagging-api"),
    };

    /// <summary>
    /// The event name with the first alias that occurs in it replaced: a dotless alias must equal a whole part, a
    /// dotted one ("data.iot") a run of whole parts.
    /// </summary>
    public static string Apply(string eventName)
    {
        var parts = eventName.Split('.');
        foreach (var alias in All)
        {
            var old = alias.Key.Split('.');
            for (var i = 0; i + old.Length <= parts.Length; i++)
            {
                var match = true;
                for (var j = 0; j < old.Length && match; j++) match = parts[i + j] == old[j];
                if (!match) continue;
                var result = new List<string>(parts.Length);
                for (var k = 0; k < i; k++) result.Add(parts[k]);
                result.Add(alias.Value);
                for (var k = i + old.Length; k < parts.Length; k++) result.Add(parts[k]);
                return string.Join(".", result);
            }
        }
        return eventName;
    }
}
