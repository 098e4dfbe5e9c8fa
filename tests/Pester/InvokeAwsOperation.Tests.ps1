#Requires -Version 7.4
# Invoke-AwsOperation against a real HTTP server (moto_server on a free loopback port).

BeforeAll {
    . (Join-Path $PSScriptRoot 'MotoServer.ps1')
    Import-AwsCoreUnderTest
    $script:SavedEnvironment = Set-TestAwsEnvironment
    $script:Moto = Start-MotoServer
    $script:Endpoint = $script:Moto.Endpoint
}

AfterAll {
    Stop-MotoServer $script:Moto
    Restore-TestAwsEnvironment $script:SavedEnvironment
}

Describe 'Invoke-AwsOperation with S3' {
    BeforeAll {
        $script:Bucket = 'awscore-pester-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
    }

    It 'creates a bucket and lists it as typed objects' {
        Invoke-AwsOperation -Service s3 -Operation CreateBucket -Parameter @{ Bucket = $script:Bucket } -EndpointUrl $script:Endpoint | Out-Null
        $buckets = @(Invoke-AwsOperation s3 ListBuckets -EndpointUrl $script:Endpoint)
        $buckets.Name | Should -Contain $script:Bucket
        $mine = $buckets | Where-Object Name -EQ $script:Bucket
        $mine.PSObject.TypeNames[0] | Should -Be 'AwsCore.S3.Bucket'
        $mine.CreationDate | Should -BeOfType [datetime]
    }

    It 'takes the input as an object and from the pipeline, once per input' {
        [pscustomobject]@{ Bucket = $script:Bucket; Key = 'a.txt'; Body = 'hello' } |
            Invoke-AwsOperation s3 PutObject -EndpointUrl $script:Endpoint | Out-Null
        $object = Invoke-AwsOperation s3 HeadObject @{ Bucket = $script:Bucket; Key = 'a.txt' } -EndpointUrl $script:Endpoint
        $object.ContentLength | Should -Be 5
        $object.PSObject.TypeNames[0] | Should -Be 'AwsCore.S3.HeadObjectOutput'
    }

    It 'applies -Query to the output' {
        $keys = Invoke-AwsOperation s3 ListObjectsV2 @{ Bucket = $script:Bucket } -Query 'Contents[].Key' -EndpointUrl $script:Endpoint
        $keys | Should -HaveCount 1
        $keys | Should -Be 'a.txt'
    }

    It 'presigns a GetObject URL that plain HTTP can fetch' {
        $url = Get-AwsPresignedUrl s3 GetObject @{ Bucket = $script:Bucket; Key = 'a.txt' } -ExpiresIn 300 -EndpointUrl $script:Endpoint
        $url | Should -BeLike "$($script:Endpoint)/*X-Amz-Signature=*"
        $url | Should -Match 'X-Amz-Expires=300'
        $response = Invoke-WebRequest -Uri $url -UseBasicParsing
        [System.Text.Encoding]::UTF8.GetString($response.RawContentStream.ToArray()) | Should -Be 'hello'
    }

    It 'writes a service error as an ErrorRecord whose id is the AWS error code' {
        $result = Invoke-AwsOperation s3 GetObject @{ Bucket = 'awscore-no-such-bucket'; Key = 'k' } -EndpointUrl $script:Endpoint -ErrorVariable err -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'NoSuchBucket,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].Exception.GetType().FullName | Should -Be 'AwsCore.Runtime.AwsServiceException'
        $err[0].Exception.ErrorCode | Should -Be 'NoSuchBucket'
        $err[0].Exception.StatusCode | Should -Be 404
    }

    It 'keeps going after a failed pipeline input (errors are non-terminating)' {
        $inputs = @{ Bucket = 'awscore-no-such-bucket' }, @{ Bucket = $script:Bucket }
        $out = $inputs | Invoke-AwsOperation s3 ListObjectsV2 -NoPaginate -EndpointUrl $script:Endpoint -ErrorVariable err -ErrorAction SilentlyContinue
        @($out).Count | Should -Be 1
        $out.Name | Should -Be $script:Bucket
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'NoSuchBucket,*'
    }

    It 'names the parameter path of a client-side input error' {
        Invoke-AwsOperation s3 PutObject @{ Bucket = $script:Bucket; Key = 'x'; ContentLength = 'many' } -EndpointUrl $script:Endpoint -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'AwsCore.ParameterValidation,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].Exception.Message | Should -BeLike 'Parameter.ContentLength: expected a long integer, got String*'
    }

    It 'stops fetching pages when Select-Object -First has enough' {
        1..30 | ForEach-Object { @{ Bucket = $script:Bucket; Key = ('page/{0:d2}' -f $_); Body = 'x' } } |
            Invoke-AwsOperation s3 PutObject -EndpointUrl $script:Endpoint | Out-Null
        $before = Get-MotoRequestCount $script:Moto 'list-type=2'
        $first = Invoke-AwsOperation s3 ListObjectsV2 @{ Bucket = $script:Bucket; Prefix = 'page/' } -PageSize 2 -EndpointUrl $script:Endpoint | Select-Object -First 5
        @($first).Count | Should -Be 5
        $first[0].PSObject.TypeNames[0] | Should -Be 'AwsCore.S3.Object'
        Start-Sleep -Milliseconds 300   # let moto flush its request log
        $requests = (Get-MotoRequestCount $script:Moto 'list-type=2') - $before
        $requests | Should -BeLessOrEqual 4 -Because '5 items at 2 per page need 3 pages (one more if the client reads ahead), not all 15'
        $requests | Should -BeGreaterOrEqual 3
    }

    It 'pages through everything by default and honours -MaxItems' {
        @(Invoke-AwsOperation s3 ListObjectsV2 @{ Bucket = $script:Bucket; Prefix = 'page/' } -PageSize 7 -EndpointUrl $script:Endpoint).Count | Should -Be 30
        @(Invoke-AwsOperation s3 ListObjectsV2 @{ Bucket = $script:Bucket; Prefix = 'page/' } -PageSize 7 -MaxItems 10 -EndpointUrl $script:Endpoint).Count | Should -Be 10
    }

    It 'writes one raw page with -NoPaginate' {
        $page = Invoke-AwsOperation s3 ListObjectsV2 @{ Bucket = $script:Bucket; Prefix = 'page/' } -PageSize 4 -NoPaginate -EndpointUrl $script:Endpoint
        @($page).Count | Should -Be 1
        $page.PSObject.TypeNames[0] | Should -Be 'AwsCore.S3.ListObjectsV2Output'
        @($page.Contents).Count | Should -Be 4
        $page.IsTruncated | Should -BeTrue
        $page.NextContinuationToken | Should -Not -BeNullOrEmpty
    }

    It 'shows where region and credentials came from in verbose output, without secrets' {
        $verbose = Invoke-AwsOperation s3 ListBuckets -EndpointUrl $script:Endpoint -Region eu-central-1 -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        $verbose | Should -Contain 's3.ListBuckets: Region: eu-central-1 from -Region'
        ($verbose -join "`n") | Should -Match 'Credentials: \*+ting from environment variables AWS_ACCESS_KEY_ID'
        ($verbose -join "`n") | Should -Not -Match 'testing'
    }
}

Describe 'Invoke-AwsOperation with DynamoDB' {
    BeforeAll {
        $script:Table = 'awscore-pester-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        Invoke-AwsOperation dynamodb CreateTable -EndpointUrl $script:Endpoint -Parameter @{
            TableName            = $script:Table
            KeySchema            = @(@{ AttributeName = 'pk'; KeyType = 'HASH' })
            AttributeDefinitions = @(@{ AttributeName = 'pk'; AttributeType = 'S' })
            BillingMode          = 'PAY_PER_REQUEST'
        } | Out-Null
        foreach ($i in 1..3) {
            Invoke-AwsOperation dynamodb PutItem -EndpointUrl $script:Endpoint -Parameter @{
                TableName = $script:Table
                Item      = @{ pk = @{ S = "item-$i" }; n = @{ N = "$i" } }
            } | Out-Null
        }
    }

    It 'scans every item' {
        $items = @(Invoke-AwsOperation dynamodb Scan @{ TableName = $script:Table } -EndpointUrl $script:Endpoint)
        $items.Count | Should -Be 3
        ($items | ForEach-Object { $_['pk'].S } | Sort-Object) | Should -Be @('item-1', 'item-2', 'item-3')
        $items[0]['pk'].PSObject.TypeNames[0] | Should -Be 'AwsCore.DynamoDB.AttributeValue'
    }

    It 'reports a missing table with the AWS error code' {
        Invoke-AwsOperation dynamodb DescribeTable @{ TableName = 'awscore-missing' } -EndpointUrl $script:Endpoint -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ResourceNotFoundException,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'reports an unknown operation with suggestions' {
        Invoke-AwsOperation dynamodb Scann @{ TableName = $script:Table } -EndpointUrl $script:Endpoint -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].Exception.Message | Should -BeLike "*no operation 'Scann'*Scan*"
    }
}
