import type { PaiErrorResponse, PaiGetModelResponse } from "./types.ts";

/**
 * PAI answers taken from the API reference, for tests and mocks. `model` is the `GetModel` success example of the
 * AIWorkSpace 2021-02-04 reference, verbatim (masked ids and all); `notFound` is a PAI error body of the documented
 * shape. `@cloud-models/mocks` serves these same objects.
 *
 * @see https://www.alibabacloud.com/help/en/pai/developer-reference/api-aiworkspace-2021-02-04-getmodel
 */
export const paiFixtures: {
  readonly model: PaiGetModelResponse;
  readonly notFound: PaiErrorResponse;
} = {
  model: {
    RequestId: "5A14FA81-DD4E-******-6343FE44B941",
    ModelId: "model-rbvg5wzljz****ks92",
    ModelName: "情感分析",
    ModelDescription: "通用情感分析。",
    GmtCreateTime: "2021-01-30T12:51:33.028Z",
    GmtModifiedTime: "2021-01-30T12:51:33.028Z",
    UserId: "1234567890******",
    OwnerId: "1234567890******",
    Origin: "ModelScope",
    Provider: "pai",
    Domain: "cv",
    Task: "text-classification",
    ModelDoc: "https://***.md",
    Labels: [
      {
        Key: "env",
        Value: "test",
      },
    ],
    WorkspaceId: "234**",
    Accessibility: "PUBLIC",
    LatestVersion: {
      VersionName: "0.1.0",
      GmtCreateTime: "2021-01-21T17:12:35Z",
      GmtModifiedTime: "2021-01-21T17:12:35Z",
      UserId: "155770209******",
      OwnerId: "155770209******",
      Uri: "oss://mybucket.oss-cn-beijing.aliyuncs.com/mypath/",
      VersionDescription: "情感分析。",
      FormatType: "SavedModel",
      FrameworkType: "TensorFlow",
      Options: "{}",
      SourceType: "PAIFlow",
      SourceId: "region=cn-shanghai,workspaceId=13**,kind=PipelineRun,id=run-sakdb****jdf",
      ApprovalStatus: "Approved",
      Labels: [
        {
          Value: "v1",
          Key: "k1",
        },
      ],
      Metrics: {
        Results: [
          {
            Dataset: {
              DatasetId: "d-sdkjanksaklerhfd",
            },
            Metrics: {
              cer: 0.175,
            },
          },
          {
            Dataset: {
              Uri: "oss://xxxx/",
            },
            Metrics: {
              cer: 0.172,
            },
          },
        ],
      },
      TrainingSpec: {},
      InferenceSpec: {
        processor: "tensorflow_gpu_1.12",
      },
      EvaluationSpec: {},
      CompressionSpec: {},
      ExtraInfo: {
        CoverUris: ["https://e***u.oss-cn-hangzhou.aliyuncs.com/st****017.preview.png"],
        TrainedWords: ["albedo_overlord"],
      },
      DistillationSpec: {},
    },
    ModelType: "Checkpoint",
    ExtraInfo: {
      RatingCount: 2866,
      Rating: 4.94,
      FavoriteCount: 34992,
      CommentCount: 754,
      CoverUris: ["https://e***u.oss-cn-hangzhou.aliyuncs.com/drea***w.png"],
      TippedAmountCount: 32,
      DownloadCount: 606056,
    },
    OrderNumber: 1,
    ParameterSize: 3000,
    GmtLatestVersionModifiedTime: "2021-01-30T12:51:33.028Z",
  } satisfies PaiGetModelResponse,
  notFound: {
    RequestId: "00000000-0000-4000-8000-FAKE0000404",
    HostId: "aiworkspace.cn-hangzhou.aliyuncs.com",
    Code: "InvalidModel.NotFound",
    Message: "The specified model does not exist.",
    Recommend: "https://api.aliyun.com/troubleshoot?q=InvalidModel.NotFound",
  } satisfies PaiErrorResponse,
};
